package org.optilock.examples;

import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.By;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Repository;

/**
 * The documents as a Jakarta Data repository, beside their DAO: the web example's list pages through it
 * by cursor, and searches it by title. The processor writes {@code DocumentsImpl}.
 */
@Repository
public interface Documents extends CrudRepository<Document, Long> {

    /** Every document, a page at a time, by title. */
    @Find
    @OrderBy("title")
    CursoredPage<Document> byTitle(PageRequest page);

    /** The documents with exactly this title, a page at a time. */
    @Find
    @OrderBy("title")
    CursoredPage<Document> titled(@By("title") String title, PageRequest page);
}
