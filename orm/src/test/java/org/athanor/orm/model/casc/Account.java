package org.athanor.orm.model.casc;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** An owning one-to-one with cascade = ALL: the settings row goes with the account. */
@Entity
@Table(name = "casc_account")
public class Account {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String login;
    @OneToOne(cascade = CascadeType.ALL)
    @JoinColumn(name = "settings_id")
    private Settings settings;

    protected Account() {}

    public Account(String login, Settings settings) {
        this.login = login;
        this.settings = settings;
    }

    public Long getId() { return id; }
    public String getLogin() { return login; }
    public Settings getSettings() { return settings; }
    public void setSettings(Settings settings) { this.settings = settings; }
}
