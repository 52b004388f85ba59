/**
 * The curricula: phases, weeks, skills, resources and project tasks, and the public pages
 * and API that show them.
 */
package io.stepwise.curriculum;
