package org.optilock.spring.app;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.Repository;
import java.util.List;

/** The memos as a Jakarta Data repository, a bean like the DAO. */
@Repository
public interface Memos extends CrudRepository<Memo, Long> {

    @Find
    List<Memo> byBody(String body);
}
