package org.athanor.orm.mapping.model;

import java.util.Objects;

/** The @IdClass of {@link OrderLine}. */
public class OrderLineKey {
    long orderId;
    int lineNo;

    public OrderLineKey() {}

    public OrderLineKey(long orderId, int lineNo) {
        this.orderId = orderId;
        this.lineNo = lineNo;
    }

    @Override public boolean equals(Object o) { return o instanceof OrderLineKey k && k.orderId == orderId && k.lineNo == lineNo; }
    @Override public int hashCode() { return Objects.hash(orderId, lineNo); }
}
