export {};

/** A 409 that says why (a catalogue key), as the general part and hearings do. */
