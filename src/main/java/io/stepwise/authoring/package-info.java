/**
 * Curriculum authoring: reading curricula from Markdown documents, and loading the
 * bundled curricula on first start.
 */
package io.stepwise.authoring;
