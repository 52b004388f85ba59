/**
 * Demo data: a cohort on the syllabus with a mentor and learners whose history fills the
 * mentor views on a first start.
 */
package io.stepwise.demo;
