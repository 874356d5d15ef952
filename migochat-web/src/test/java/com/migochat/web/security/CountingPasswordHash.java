package com.migochat.web.security;

import java.util.ArrayList;
import java.util.List;

/** The real PBKDF2 hashing, which also notes each hash it verified against. */
final class CountingPasswordHash extends PasswordHash {

  final List<String> verifiedAgainst = new ArrayList<>();

  @Override
  public boolean verify(char[] candidate, String hash) {
    verifiedAgainst.add(hash);
    return super.verify(candidate, hash);
  }

  int verifications() {
    return verifiedAgainst.size();
  }

  /** The iteration count of the hash verified against last. */
  String lastIterations() {
    return verifiedAgainst.get(verifiedAgainst.size() - 1).split(":")[1];
  }
}
