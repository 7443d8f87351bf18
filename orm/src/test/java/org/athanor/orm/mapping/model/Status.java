package org.athanor.orm.mapping.model;

public enum Status { ACTIVE, SUSPENDED, DELETED }
