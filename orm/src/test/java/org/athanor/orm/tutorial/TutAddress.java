package org.athanor.orm.tutorial;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** SQLAlchemy's ORM quickstart {@code Address}: {@code user_id = mapped_column(ForeignKey("user_account.id"))}, {@code user = relationship(back_populates="addresses")}. */
@Entity
@Table(name = "tut_address")
public class TutAddress {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    @Column(name = "email_address", nullable = false) private String emailAddress;
    @ManyToOne @JoinColumn(name = "user_id", nullable = false) private TutUser user;

    protected TutAddress() {}

    public TutAddress(String emailAddress) { this.emailAddress = emailAddress; }

    public TutAddress(String emailAddress, TutUser user) {
        this.emailAddress = emailAddress;
        this.user = user;
    }

    public Long getId() { return id; }
    public String getEmailAddress() { return emailAddress; }
    public void setEmailAddress(String emailAddress) { this.emailAddress = emailAddress; }
    public TutUser getUser() { return user; }
    public void setUser(TutUser user) { this.user = user; }
    @Override public String toString() { return "Address(id=" + id + ", email_address=" + emailAddress + ")"; }
}
