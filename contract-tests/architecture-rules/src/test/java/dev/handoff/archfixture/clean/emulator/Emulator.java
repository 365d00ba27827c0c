package dev.handoff.archfixture.clean.emulator;

/** An emulator that depends on nothing else of the code base. */
public class Emulator {}
