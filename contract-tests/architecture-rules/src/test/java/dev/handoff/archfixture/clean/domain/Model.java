package dev.handoff.archfixture.clean.domain;

import java.util.List;

/** A domain class using the JDK only. */
public record Model(List<String> names) {}
