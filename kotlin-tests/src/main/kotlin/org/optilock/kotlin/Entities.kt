package org.optilock.kotlin

import jakarta.persistence.Entity
import jakarta.persistence.GeneratedValue
import jakarta.persistence.GenerationType
import jakarta.persistence.Id
import jakarta.persistence.Version

/** A data class of `var` properties with defaults: Kotlin gives it a constructor without parameters. */
@Entity
data class Task(
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) var id: Long? = null,
    var title: String = "",
    @Version var version: Long = 0,
)

/** A data class of `val` properties: an immutable class, every write returns a new instance. */
@Entity
data class Label(
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) val id: Long? = null,
    val text: String,
    @Version val version: Long = 0,
)

/** A plain class with a `lateinit` property, whose backing field Kotlin exposes. */
@Entity
class Memo {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    var id: Long? = null

    lateinit var body: String

    @Version
    var version: Long = 0
}
