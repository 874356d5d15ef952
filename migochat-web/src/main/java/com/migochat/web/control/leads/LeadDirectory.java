package com.migochat.web.control.leads;

import com.migochat.model.LeadActivity;
import com.migochat.model.User;
import com.migochat.web.control.PageWindow;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads leads a page at a time: three queries per page (the users, their tags, their latest
 * activities), whatever the page size, and never the whole table.
 */
@Stateless
public class LeadDirectory {

  @PersistenceContext(unitName = "migochat")
  EntityManager entityManager;

  public LeadPage page(int page, int size) {
    long total =
        entityManager.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
    Optional<Integer> first = PageWindow.firstRow(page, size, total);
    if (first.isEmpty()) {
      return new LeadPage(page, size, total, List.of());
    }
    List<User> users =
        entityManager
            .createQuery("SELECT u FROM User u ORDER BY u.id DESC", User.class)
            .setFirstResult(first.get())
            .setMaxResults(size)
            .getResultList();
    if (users.isEmpty()) {
      return new LeadPage(page, size, total, List.of());
    }
    List<Long> ids = users.stream().map(User::getId).toList();
    Map<Long, List<String>> tags = tagsOf(ids);
    Map<Long, LeadActivity> latest = latestActivitiesOf(ids);
    List<LeadPage.Lead> leads = new ArrayList<>();
    for (User user : users) {
      LeadActivity activity = latest.get(user.getId());
      leads.add(
          new LeadPage.Lead(
              user.getPsid(),
              user.getFullName(),
              user.getEmail(),
              user.getCreatedAt(),
              tags.getOrDefault(user.getId(), List.of()),
              activity == null
                  ? null
                  : new LeadPage.Activity(
                      activity.getActivityType(), activity.getDetails(), activity.getCreatedAt())));
    }
    return new LeadPage(page, size, total, leads);
  }

  private Map<Long, List<String>> tagsOf(List<Long> userIds) {
    return entityManager
        .createQuery(
            "SELECT u.id, t.name FROM User u JOIN u.tags t WHERE u.id IN :ids ORDER BY t.name",
            Object[].class)
        .setParameter("ids", userIds)
        .getResultStream()
        .collect(
            Collectors.groupingBy(
                row -> (Long) row[0],
                Collectors.mapping(row -> (String) row[1], Collectors.toList())));
  }

  private Map<Long, LeadActivity> latestActivitiesOf(List<Long> userIds) {
    Map<Long, LeadActivity> latest = new HashMap<>();
    entityManager
        .createQuery(
            "SELECT a FROM LeadActivity a WHERE a.user.id IN :ids AND a.id ="
                + " (SELECT MAX(b.id) FROM LeadActivity b WHERE b.user = a.user)",
            LeadActivity.class)
        .setParameter("ids", userIds)
        .getResultStream()
        .forEach(activity -> latest.put(activity.getUser().getId(), activity));
    return latest;
  }
}
