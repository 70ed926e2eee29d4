package org.optilock.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application whose only Optilock set-up is the {@code optilock-spring} dependency:
 * {@link NoteDao} is a bean, it takes part in {@code @Transactional}, and conflicts answer 409 problem
 * details. Serves http://localhost:8081/notes.
 */
@SpringBootApplication
public class NotesApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotesApplication.class, args);
    }
}
