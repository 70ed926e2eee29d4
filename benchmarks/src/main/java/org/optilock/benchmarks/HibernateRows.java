package org.optilock.benchmarks;

import jakarta.persistence.OptimisticLockException;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/** Hibernate ORM 7 with its own {@code @Version} check, the way most applications use it. */
final class HibernateRows implements RowContender {

    /** How the application hands Hibernate the edit. */
    enum Mode {
        /** Load the entity in a session, change it, commit: Hibernate flushes a checked UPDATE. */
        MANAGED,
        /** Merge the client's detached copy: Hibernate loads the row, copies the state, flushes. */
        MERGE,
        /** A stateless session's {@code update}: one checked UPDATE, no persistence context. */
        STATELESS
    }

    private final SessionFactory sessions;
    private final Mode mode;

    HibernateRows(DataSource dataSource, Mode mode) {
        this.sessions = sessions(dataSource);
        this.mode = mode;
    }

    /** Hibernate over {@code dataSource}, mapping {@link Item}, with no SQL logged. */
    static SessionFactory sessions(DataSource dataSource) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.SHOW_SQL, false)
                .build();
        return new MetadataSources(registry).addAnnotatedClass(Item.class).buildMetadata().buildSessionFactory();
    }

    @Override
    public void update(Item item) {
        switch (mode) {
            case MANAGED -> {
                try (Session session = sessions.openSession()) {
                    Transaction transaction = session.beginTransaction();
                    Item managed = session.find(Item.class, item.id);
                    if (managed.version != item.version) {
                        transaction.rollback();
                        throw new OptimisticLockException("item " + item.id + " was changed meanwhile");
                    }
                    managed.name = item.name;
                    managed.amount = item.amount;
                    transaction.commit();
                    item.version = managed.version;
                }
            }
            case MERGE -> {
                try (Session session = sessions.openSession()) {
                    Transaction transaction = session.beginTransaction();
                    Item merged = session.merge(item.copy());
                    transaction.commit();
                    item.version = merged.version;
                }
            }
            case STATELESS -> {
                try (StatelessSession session = sessions.openStatelessSession()) {
                    Transaction transaction = session.beginTransaction();
                    session.update(item);
                    transaction.commit();
                }
            }
        }
    }

    @Override
    public Item find(long id) {
        if (mode == Mode.STATELESS) {
            try (StatelessSession session = sessions.openStatelessSession()) {
                return session.get(Item.class, id);
            }
        }
        try (Session session = sessions.openSession()) {
            return session.find(Item.class, id);
        }
    }

    @Override
    public void conflict(Item stale) {
        try {
            update(stale.copy());
            throw new IllegalStateException("a stale copy was written");
        } catch (OptimisticLockException | StaleStateException expected) {
            // Hibernate reports no current row; reading it is the application's next step.
            find(stale.id);
        }
    }

    @Override
    public void close() {
        sessions.close();
    }
}
