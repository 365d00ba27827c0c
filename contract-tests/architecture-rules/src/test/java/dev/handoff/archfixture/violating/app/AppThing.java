package dev.handoff.archfixture.violating.app;

/** An application class (allowed to use anything). */
public class AppThing {}
