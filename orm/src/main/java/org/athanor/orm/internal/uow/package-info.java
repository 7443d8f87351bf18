/**
 * Internal (not API; public types here serve org.athanor.orm only): the unit of work.
 * {@link org.athanor.orm.internal.uow.UnitOfWork} is the only code that changes an object's
 * {@link org.athanor.orm.internal.uow.InstanceState}; it indexes states ({@code AttachedObjects},
 * {@code StateTable} the identity map, {@code PendingList}) and records each change in the current
 * {@link org.athanor.orm.internal.uow.TxLevel} so that {@link org.athanor.orm.internal.uow.TransactionLevels}
 * (nesting, savepoints, epochs, what a rollback restores) can undo it.
 */
package org.athanor.orm.internal.uow;
