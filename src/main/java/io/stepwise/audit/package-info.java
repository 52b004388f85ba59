/**
 * The audit log: who changed what and when, with before and after, as the other modules
 * report it in the transaction of the change.
 */
package io.stepwise.audit;
