package org.optilock.it;

import jakarta.data.repository.By;
import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.Repository;
import java.time.Instant;
import java.util.List;

/** Queries on columns every database stores in its own way: an instant, an enum by name. */
@Repository
public interface Samples extends DataRepository<Sample, Integer> {

    @Find
    List<Sample> at(@By("instant") Instant when);

    @Find
    List<Sample> inStatus(Sample.Status status);
}
