package dev.handoff.archfixture.renamed.model;

/** A domain class, in a layer named "model". */
public record Order(String id) {}
