package com.migochat.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Checks HTTP Basic credentials against the {@link AdminAccount}. */
@BasicAuthenticationMechanismDefinition(realmName = "Migochat admin")
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

  @Inject AdminAccount account;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    if (account.matches(credential.getCaller(), credential.getPasswordAsString())) {
      return new CredentialValidationResult(credential.getCaller(), Set.of(AdminAccount.ROLE));
    }
    return CredentialValidationResult.INVALID_RESULT;
  }
}
