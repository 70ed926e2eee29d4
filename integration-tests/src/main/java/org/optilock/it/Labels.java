package org.optilock.it;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Insert;
import jakarta.data.repository.Repository;
import jakarta.data.repository.Update;

/** A repository of an unversioned record with an assigned key. */
@Repository
public interface Labels extends BasicRepository<Label, String> {

    @Insert
    Label add(Label label);

    @Update
    Label change(Label label);
}
