package org.supportdesk.adapter.http.admin;

import org.supportdesk.application.admin.AddOrganization;
import org.supportdesk.application.admin.AddPerson;
import org.supportdesk.application.admin.ChangeSettings;
import org.supportdesk.application.admin.CreateApiToken;
import org.supportdesk.application.admin.GetOrganization;
import org.supportdesk.application.admin.GetPerson;
import org.supportdesk.application.admin.ListApiTokens;
import org.supportdesk.application.admin.ListOrganizations;
import org.supportdesk.application.admin.ListPeople;
import org.supportdesk.application.admin.ReplaceCategories;
import org.supportdesk.application.admin.RevokeApiToken;
import org.supportdesk.application.admin.ShowConfiguration;
import org.supportdesk.application.admin.UpdateOrganization;
import org.supportdesk.application.admin.UpdatePerson;
import org.supportdesk.application.sla.ChangeBusinessHours;
import org.supportdesk.application.sla.ChangeSlaPolicy;

/** The use cases the admin routes reach (and the staff reads among them). */
public record AdminUseCases(
        AddPerson addPerson,
        UpdatePerson updatePerson,
        ListPeople listPeople,
        GetPerson getPerson,
        AddOrganization addOrganization,
        UpdateOrganization updateOrganization,
        ListOrganizations listOrganizations,
        GetOrganization getOrganization,
        ShowConfiguration showConfiguration,
        ChangeSettings changeSettings,
        ReplaceCategories replaceCategories,
        ChangeSlaPolicy changeSlaPolicy,
        ChangeBusinessHours changeBusinessHours,
        CreateApiToken createApiToken,
        ListApiTokens listApiTokens,
        RevokeApiToken revokeApiToken) {}
