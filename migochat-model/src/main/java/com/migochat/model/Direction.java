package com.migochat.model;

/** Whether a message came from the user to the page ({@code IN}) or from the page ({@code OUT}). */
public enum Direction {
  IN,
  OUT
}
