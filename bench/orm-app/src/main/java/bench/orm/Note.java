package bench.orm;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

/** One entity, so that Hibernate ORM has a model to start. */
@Entity
public class Note extends PanacheEntity {
    public String text;
}
