package org.optilock.it;

import jakarta.data.Order;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.By;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Delete;
import jakarta.data.repository.Find;
import jakarta.data.repository.Repository;
import java.util.List;

/** A repository of an unversioned class. */
@Repository
public interface Tags extends CrudRepository<Tag, Long> {

    @Find
    List<Tag> named(String name);

    @Find
    CursoredPage<Tag> pages(PageRequest page, Order<Tag> order);

    @Delete
    long removeNamed(@By("name") String name);
}
