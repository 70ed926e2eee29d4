package org.optilock.it;

import java.util.ArrayList;
import java.util.List;

/** Makes the stale copies conflict tests need. */
final class StaleCopies {

    private StaleCopies() {}

    /** A copy of {@code article} as read now, made stale by saving {@code article} after it. */
    static Article of(ArticleDao articles, Article article) {
        Article stale = articles.findById(article.id).orElseThrow();
        articles.update(article);
        return stale;
    }

    /**
     * Five new articles, read, then two of them (the 2nd and 4th) changed by another writer; every copy
     * has a title of ours to write.
     */
    static List<Article> fiveOfWhichTwoStale(ArticleDao articles) {
        List<Article> copies = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Article article = articles.insert(new Article("Article " + i, "body"));
            copies.add(articles.findById(article.id).orElseThrow());
        }
        for (int i : new int[] {1, 3}) {
            Article theirs = articles.findById(copies.get(i).id).orElseThrow();
            theirs.title = "Theirs " + (i + 1);
            articles.update(theirs);
        }
        copies.forEach(copy -> copy.title = copy.title + " (ours)");
        return copies;
    }
}
