package org.athanor.orm.mapping.model;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.LocalDate;
import java.time.LocalTime;

@Entity(name = "BillingInvoice")
@SequenceGenerator(name = "invoices", sequenceName = "invoice_numbers")
public class Invoice {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoices")
    Integer number;
    @Basic(optional = false)
    LocalDate issuedOn;
    LocalTime issuedAt;
    Short copies;
    Float discount;
    java.math.BigInteger serial;
}
