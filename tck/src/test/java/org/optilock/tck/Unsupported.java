package org.optilock.tck;

/** A repository with a method its implementation does not support, to prove the harness catches that. */
public interface Unsupported {

    long count();
}
