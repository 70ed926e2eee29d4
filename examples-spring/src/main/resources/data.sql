INSERT INTO note (title, body, version) SELECT 'Shopping list', 'milk, bread', 1 WHERE NOT EXISTS (SELECT 1 FROM note);
INSERT INTO note (title, body, version) SELECT 'Meeting notes', 'agenda: budget', 1 WHERE (SELECT COUNT(*) FROM note) = 1;
