package com.acme;

import jakarta.persistence.Id;
import jakarta.persistence.Version;

public record Note(@Id long id, String text, @Version Integer version) {}
