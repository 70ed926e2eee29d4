package org.optilock.it;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.Insert;
import jakarta.data.repository.Repository;
import jakarta.data.repository.Update;
import java.util.List;

/** A repository of an immutable class: every write returns a new instance. */
@Repository
public interface Parcels extends BasicRepository<Parcel, Long> {

    @Insert
    Parcel add(Parcel parcel);

    @Update
    Parcel change(Parcel parcel);

    @Update
    List<Parcel> changeAll(List<Parcel> parcels);

    @Find
    List<Parcel> byLabel(String label);
}
