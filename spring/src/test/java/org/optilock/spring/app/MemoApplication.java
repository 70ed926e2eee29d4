package org.optilock.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The test application: nothing but Boot's defaults and Optilock on the class path. */
@SpringBootApplication
public class MemoApplication {}
