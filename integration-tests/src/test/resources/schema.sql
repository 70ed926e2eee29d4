-- The tables of the integration tests, for every database: TestDatabase replaces each column type
-- written in braces with the way that database spells it (DatabaseKind).
CREATE TABLE article (
    id {IDENTITY_BIGINT},
    title VARCHAR(200),
    body VARCHAR(2000),
    version BIGINT NOT NULL
);
CREATE TABLE customer (
    id {UUID} PRIMARY KEY,
    name VARCHAR(100),
    active BOOLEAN NOT NULL,
    updated_at {TIMESTAMPTZ}
);
CREATE TABLE note (
    id BIGINT PRIMARY KEY,
    text VARCHAR(200),
    version INTEGER
);
CREATE TABLE meter (
    code VARCHAR(50) PRIMARY KEY,
    reading INTEGER NOT NULL,
    version BIGINT NOT NULL
);
CREATE TABLE ledger (
    id BIGINT PRIMARY KEY,
    balance BIGINT NOT NULL,
    version {TIMESTAMP} NOT NULL
);
CREATE TABLE sample (
    id {IDENTITY_INT},
    flag BOOLEAN NOT NULL,
    boxedFlag BOOLEAN,
    tiny {TINYINT} NOT NULL,
    boxedTiny {TINYINT},
    small SMALLINT NOT NULL,
    boxedSmall SMALLINT,
    letter VARCHAR(1) NOT NULL,
    boxedLetter VARCHAR(1),
    number INTEGER NOT NULL,
    boxedNumber INTEGER,
    big BIGINT NOT NULL,
    boxedBig BIGINT,
    ratio REAL NOT NULL,
    boxedRatio REAL,
    measure DOUBLE PRECISION NOT NULL,
    boxedMeasure DOUBLE PRECISION,
    text VARCHAR(200),
    amount DECIMAL(19, 4),
    payload {BINARY},
    reference {UUID},
    status VARCHAR(20),
    status_ordinal INTEGER,
    birthday DATE,
    wallClock {TIMESTAMP},
    instant {TIMESTAMPTZ},
    offsetTime {TIMESTAMPTZ},
    version {TIMESTAMPTZ} NOT NULL
);

CREATE TABLE ticket (
    id {IDENTITY_BIGINT},
    title VARCHAR(200),
    hits INTEGER NOT NULL,
    version BIGINT NOT NULL
);
CREATE TABLE profile (
    username VARCHAR(50) PRIMARY KEY,
    name VARCHAR(100),
    email VARCHAR(100),
    logins INTEGER NOT NULL,
    last_seen DATE,
    version INTEGER
);
CREATE TABLE page (
    id BIGINT PRIMARY KEY,
    title VARCHAR(200),
    views BIGINT NOT NULL,
    version {TIMESTAMPTZ} NOT NULL
);
CREATE TABLE counter (
    name VARCHAR(50) PRIMARY KEY,
    total INTEGER NOT NULL,
    version INTEGER NOT NULL
);

CREATE TABLE invoice (
    id {IDENTITY_BIGINT},
    version BIGINT NOT NULL,
    created_by VARCHAR(50),
    customer VARCHAR(100),
    total DECIMAL(12, 2)
);
CREATE TABLE shipment (
    code VARCHAR(20) PRIMARY KEY,
    changed {TIMESTAMPTZ} NOT NULL,
    destination VARCHAR(100)
);

CREATE TABLE order_line (
    orderId BIGINT NOT NULL,
    lineNo INTEGER NOT NULL,
    product VARCHAR(100),
    quantity INTEGER NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (orderId, lineNo)
);
CREATE TABLE seat (
    hall VARCHAR(20) NOT NULL,
    number INTEGER NOT NULL,
    holder VARCHAR(100),
    version INTEGER NOT NULL,
    PRIMARY KEY (hall, number)
);

CREATE TABLE library_user (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100),
    active BOOLEAN NOT NULL,
    version BIGINT NOT NULL
);

CREATE TABLE tally (
    name VARCHAR(50) PRIMARY KEY,
    total INTEGER NOT NULL,
    version INTEGER
);
CREATE TABLE reminder (
    id BIGINT PRIMARY KEY,
    note VARCHAR(100),
    version {TIMESTAMP} NOT NULL
);
CREATE TABLE parcel (
    id {IDENTITY_BIGINT},
    label VARCHAR(100),
    weight INTEGER NOT NULL,
    version BIGINT NOT NULL
);

CREATE TABLE item (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    price DOUBLE PRECISION,
    odd BOOLEAN NOT NULL,
    bits SMALLINT,
    kind VARCHAR(20),
    letter VARCHAR(1) NOT NULL,
    version BIGINT NOT NULL
);
