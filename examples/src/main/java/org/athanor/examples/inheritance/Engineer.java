package org.athanor.examples.inheritance;

import jakarta.persistence.Entity;

@Entity
public class Engineer extends Staff {
    private String language;

    protected Engineer() {}

    public Engineer(String name, String language) {
        super(name);
        this.language = language;
    }

    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }

    @Override public String toString() { return "Engineer(" + getName() + ", " + language + ")"; }
}
