package org.optilock.it;

/** Makes the stale copies conflict tests need. */
final class StaleCopies {

    private StaleCopies() {}

    /** A copy of {@code article} as read now, made stale by saving {@code article} after it. */
    static Article of(ArticleDao articles, Article article) {
        Article stale = articles.findById(article.id).orElseThrow();
        articles.update(article);
        return stale;
    }
}
