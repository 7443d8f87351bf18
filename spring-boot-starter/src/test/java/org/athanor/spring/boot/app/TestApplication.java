package org.athanor.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the starter's tests run: its package is scanned for @Entity classes. */
@SpringBootApplication
public class TestApplication {}
