package org.optilock.it;

import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.By;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Delete;
import jakarta.data.repository.Find;
import jakarta.data.repository.Insert;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Repository;
import jakarta.data.repository.Save;
import jakarta.data.repository.Update;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A repository of a mutable class with a generated key: every form of method the repositories support. */
@Repository
public interface Articles extends CrudRepository<Article, Long> {

    @Find
    List<Article> byTitle(String title, Order<Article> order);

    @Find
    Optional<Article> oneTitled(@By("title") String title);

    @Find
    Article exactlyTitled(@By("title") String title);

    @Find
    Article[] byBody(String body);

    @Find
    @OrderBy("title")
    @OrderBy(value = By.ID, descending = true)
    Stream<Article> inTitleOrder();

    @Find
    List<Article> first(Limit limit, Sort<Article> sort);

    @Find
    @OrderBy("body")
    Page<Article> withBody(String body, PageRequest page);

    @Find
    CursoredPage<Article> pages(PageRequest page, Order<Article> order);

    @Insert
    Article[] add(Article... articles);

    @Update
    int change(List<Article> articles);

    @Save
    void keep(Iterable<Article> articles);

    @Delete
    long removeTitled(@By("title") String title);

    @Delete
    void remove(Article article);

    /** A default method runs as written. */
    default Article titled(String title) {
        return oneTitled(title).orElseGet(() -> insert(new Article(title, "")));
    }
}
