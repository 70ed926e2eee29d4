package com.acme;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.Set;

@Entity
public class Product {
    public enum Department { GARDEN, GROCERY, TOOLS }

    @Id String productNum;
    String name;
    Double price;
    char grade;
    Department department;
    @ElementCollection Set<String> tags;
    @Version long version;
}
