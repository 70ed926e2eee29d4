package org.optilock.examples.spring;

import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.By;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Repository;

/** The notes as a Jakarta Data repository: a bean, like the DAO, with no configuration. */
@Repository
public interface Notes extends CrudRepository<Note, Long> {

    /** Every note, a page at a time, by title. */
    @Find
    @OrderBy("title")
    CursoredPage<Note> byTitle(PageRequest page);

    /** The notes with exactly this title, a page at a time. */
    @Find
    @OrderBy("title")
    CursoredPage<Note> titled(@By("title") String title, PageRequest page);
}
