package io.stepwise.system;

/** A principal with a stable id, so that records of who did what survive a rename. */
public interface Identified {

	long id();

}
