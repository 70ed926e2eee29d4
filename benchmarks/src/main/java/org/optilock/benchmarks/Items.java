package org.optilock.benchmarks;

import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Repository;

/** The benchmark's rows as a Jakarta Data repository: pages by name, then key. */
@Repository
public interface Items extends DataRepository<Item, Long> {

    @Find
    @OrderBy("name")
    CursoredPage<Item> byName(PageRequest page);
}
