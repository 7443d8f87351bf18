package org.athanor.orm.model.casc;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "casc_settings")
public class Settings {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String theme;

    protected Settings() {}

    public Settings(String theme) { this.theme = theme; }

    public Long getId() { return id; }
    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme; }
}
