package org.athanor.orm.mapping.model;

import jakarta.persistence.AttributeConverter;

public class MoneyConverter implements AttributeConverter<Money, Long> {
    @Override public Long convertToDatabaseColumn(Money m) { return m.cents(); }
    @Override public Money convertToEntityAttribute(Long cents) { return new Money(cents); }
}
