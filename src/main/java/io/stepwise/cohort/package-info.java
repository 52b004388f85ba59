/**
 * Cohorts: learners taken through one curriculum together, their mentors, invite codes,
 * and the mentors' views, reviews and exports of them.
 */
package io.stepwise.cohort;
