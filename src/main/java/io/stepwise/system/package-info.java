/**
 * What every feature stands on: security, the page layout, error pages and time. Depends
 * on no other module.
 */
package io.stepwise.system;
