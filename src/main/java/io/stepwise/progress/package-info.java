/**
 * A learner's way through a curriculum: enrollment, check-offs, the week gate, history
 * and the dashboard.
 */
package io.stepwise.progress;
