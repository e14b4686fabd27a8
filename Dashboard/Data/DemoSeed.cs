using Dashboard.Auth;
using Dashboard.Domain.Finance;
using Dashboard.Domain.Meetings;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>
/// The councils' own data from the Shared Services Board progress report of 9 December 2010
/// (Performance Management Board agenda, 17 January 2011). People's names are invented; their job
/// titles, the services, risks, savings and Appendix B figures are the report's. Statuses and monthly
/// PI series are illustrative demo figures, marked as such; no savings delivered to date are seeded, as none are printed.
/// </summary>
public static partial class DemoSeed
{
    public const string AdministratorPassword = "Admin-demo-2010";
    public const string BoardMemberPassword = "Board-demo-2010";
    public const string ManagerPassword = "Manager-demo-2010";
    public const string ReportOwnerPassword = "Owner-demo-2010";

    public const string Domain = "bromsgroveandredditch.example";

    private static readonly DateTimeOffset ReportReviewed = new(2010, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BusinessCaseAssessed = new(2010, 6, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Seeds everything in one transaction, so a failure leaves the database empty.</summary>
    public static async Task SeedAsync(DashboardDbContext db, UserManager<ApplicationUser> users, ScoreBandSet bands, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Actor = Dashboard.Domain.Audit.AuditActor.DemoSeed;

        var bdc = new Council { Code = "BDC", Name = "Bromsgrove District Council" };
        var rbc = new Council { Code = "RBC", Name = "Redditch Borough Council" };
        db.Councils.AddRange(bdc, rbc);

        var people = SeedPeople(db, bdc, rbc);
        await db.SaveChangesAsync(cancellationToken);

        var services = SeedServices(db, people, bdc, rbc);
        await db.SaveChangesAsync(cancellationToken);

        SeedStatusCards(db, services, people);
        SeedHighlightReports(db, services, people);
        SeedBenefits(db, services);
        SeedRisks(db, services, people, bands);
        SeedPerformanceIndicators(db, services, people, bdc, rbc);
        SeedKeyStandards(db, services, bdc, rbc);
        SeedSavings(db, bdc, rbc, people);
        SeedMeetings(db);
        await db.SaveChangesAsync(cancellationToken);

        await SeedAccountsAsync(users, people);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Dictionary<string, Person> SeedPeople(DashboardDbContext db, Council bdc, Council rbc)
    {
        Person P(string name, string title, Council? council = null, Person? director = null) => new()
        {
            Name = name,
            JobTitle = title,
            Email = $"{name.ToLowerInvariant().Replace("cllr ", "cllr.", StringComparison.Ordinal).Replace(' ', '.')}@{Domain}",
            Council = council,
            Director = director,
        };

        var chiefExecutive = P("Kim Adams", "Chief Executive, Bromsgrove District and Redditch Borough Councils");
        var director = P("Sam Reid", "Director of Policy, Performance and Partnerships", director: chiefExecutive);
        var list = new[]
        {
            chiefExecutive,
            director,
            P("Priya Shah", "Policy and Performance Manager", director: director),
            P("Dana Hughes", "Performance Officer", bdc, director),
            P("Cllr Jordan Ellis", "Member, Shared Services Board", bdc),
            P("Cllr Morgan Price", "Member, Shared Services Board", rbc),
            P("Jamie Fox", "Community Safety Manager", director: director),
            P("Chris Patel", "Elections Manager", director: director),
            P("Alex Morgan", "Head of ICT", director: director),
            P("Lee Carter", "CCTV and Lifeline Manager", director: director),
            P("Rosa Grant", "Payroll Manager", rbc, director),
            P("Tom Baker", "Procurement Manager", director: director),
            P("Nina Walsh", "Climate Change Manager", director: director),
            P("Owen Hart", "Head of Regulatory Services", bdc, director),
            P("Ruth Lane", "Shared Service Internal Audit Manager", director: director),
            P("Dev Singh", "Property Services Client Officer", director: director),
            P("Helen Cole", "Head of Revenues and Benefits", director: director),
            P("Mark Quinn", "Economic Development Manager", director: director),
            P("Gail Porter", "HR and OD Manager", rbc, director),
            P("Ian Brooks", "Partnerships and Projects Manager", bdc, director),
            P("Sue Marsh", "Head of Environmental Services", director: director),
        };
        db.People.AddRange(list);
        return list.ToDictionary(p => p.Name);
    }

    private static Dictionary<string, SharedService> SeedServices(DashboardDbContext db, Dictionary<string, Person> people, Council bdc, Council rbc)
    {
        var wettLive = new DateOnly(2010, 6, 1);
        SharedService Live(string name, string owner, string description, ServiceArrangement arrangement = ServiceArrangement.BetweenTheCouncils, Council? host = null, DateOnly? goLive = null) => new()
        {
            Name = name,
            Description = description,
            Phase = ServicePhase.Live,
            Arrangement = arrangement,
            HostCouncil = host,
            Owner = people[owner],
            GoLiveDate = goLive,
        };
        SharedService Received(SharedService service, string provider)
        {
            service.ProviderName = provider;
            return service;
        }

        SharedService Project(string name, string owner, string description, DateOnly start, DateOnly? goLive = null, ServiceArrangement arrangement = ServiceArrangement.BetweenTheCouncils) => new()
        {
            Name = name,
            Description = description,
            Phase = ServicePhase.ProjectUnderway,
            Arrangement = arrangement,
            Owner = people[owner],
            ProjectStartDate = start,
            GoLiveDate = goLive,
        };

        var list = new[]
        {
            Live("Community Safety", "Jamie Fox", "Shared community safety team; gives resilience rather than cash savings."),
            Live("Elections", "Chris Patel", "Shared elections and electoral registration service; one of the programme's quick wins."),
            Live("ICT", "Alex Morgan", "Shared ICT support, systems and network across both councils."),
            Live("CCTV & Lifeline", "Lee Carter", "CCTV monitoring and Lifeline alarm service for both councils."),
            Live("Payroll", "Rosa Grant", "Payroll service hosted by Redditch.", host: rbc),
            Live("Procurement", "Tom Baker", "Shared procurement support, part of a Worcestershire-wide collaborative arrangement."),
            Live("Climate Change", "Nina Walsh", "Shared climate change function delivering the Joint Climate Change Strategy."),
            Live("WETT services received", "Owen Hart", "Worcestershire Regulatory Services, hosted by Bromsgrove under the WETT programme.", ServiceArrangement.WettReceived, bdc, wettLive),
            Received(Live("Internal Audit", "Ruth Lane", "Internal audit provided by Worcester City Council under the WETT programme.", ServiceArrangement.WettReceived, goLive: wettLive), "Worcester City Council"),
            Received(Live("Property Services", "Dev Singh", "Property services provided by Worcestershire County Council under the WETT programme.", ServiceArrangement.WettReceived, goLive: wettLive), "Worcestershire County Council"),
            Project("Revenues & Benefits transformation", "Helen Cole", "First transformation project, using the systems thinking approach.", new DateOnly(2010, 11, 1)),
            Project("North Worcestershire Economic Development", "Mark Quinn", "Shared economic development and regeneration service across North Worcestershire.", new DateOnly(2010, 4, 1), new DateOnly(2011, 6, 1), ServiceArrangement.WiderPartnership),
            Project("Policy & Performance", "Priya Shah", "Business case for a shared policy and performance team.", new DateOnly(2010, 9, 1)),
            Project("HR & OD", "Gail Porter", "Business case for a shared human resources and organisational development service.", new DateOnly(2010, 9, 1)),
            Project("Emergency Planning / Business Continuity", "Ian Brooks", "Joint emergency plan, rest centre plan and business continuity arrangements.", new DateOnly(2010, 7, 1)),
            Project("Environmental Services", "Sue Marsh", "Review creating shared Waste & Street Scene, Bereavement and Tree services.", new DateOnly(2010, 5, 1)),
        };
        // The report's own order within each table.
        foreach (var (index, service) in list.Index())
        {
            service.Order = index + 1;
        }

        db.SharedServices.AddRange(list);
        return list.ToDictionary(s => s.Name);
    }

    private static void SeedStatusCards(DashboardDbContext db, Dictionary<string, SharedService> services, Dictionary<string, Person> people)
    {
        // (service, month, RAG, commentary, reason). December is the report's own month; Payroll and
        // Procurement have not yet written theirs, so the demo shows overdue cards.
        var cards = new (string Service, int Month, Rag Rag, string Commentary, string? Reason)[]
        {
            ("Community Safety", 10, Rag.Green, "Shared team working well across both districts; no cash savings expected, resilience improved.", null),
            ("Community Safety", 11, Rag.Green, "Service delivering to plan for both councils.", null),
            ("Community Safety", 12, Rag.Amber, "Overspend within this area noted by the Performance Management Board at Quarter 2; clarification being sought.", "Quarter 2 overspend on a shared service."),
            ("Elections", 10, Rag.Green, "Elections Manager meeting regularly with both Returning Officers.", null),
            ("Elections", 11, Rag.Green, "'Would be Councillor' briefings held in both authorities in November.", null),
            ("Elections", 12, Rag.Green, "Electoral Commission examination found registration practices working well and an improvement on previous performance indicators.", null),
            ("ICT", 10, Rag.Amber, "Air conditioning failure caused loss of data at RBC; recovery under way.", "Data loss after air conditioning failure."),
            ("ICT", 11, Rag.Amber, "Majority of lost data recovered; new backup system purchased for RBC.", "Backup system not yet installed."),
            ("ICT", 12, Rag.Green, "New Service Desk live at RBC; virtualisation on track for end of December; single email domain by end of 2010.", null),
            ("CCTV & Lifeline", 10, Rag.Green, "Services delivered for both authorities; Lifeline administration procedures under review.", null),
            ("CCTV & Lifeline", 11, Rag.Green, "Bromsgrove installation office closed; officers in temporary office pending relocation.", null),
            ("CCTV & Lifeline", 12, Rag.Green, "Telecare Services Association accreditation postponed until January 2011; installation procedures being harmonised.", null),
            ("Payroll", 10, Rag.Green, "Payroll running for both councils without issue.", null),
            ("Payroll", 11, Rag.Green, "Wyre Forest DC approved transfer of its payroll to Redditch from April 2011 (£46k pa, net £24k).", null),
            ("Procurement", 10, Rag.Green, "Procurement support shared across both councils.", null),
            ("Procurement", 11, Rag.Green, "Collaborative arrangement agreed by all Worcestershire district Chief Executives.", null),
            ("Climate Change", 10, Rag.Green, "Progressing in accordance with the agreed work programme.", null),
            ("Climate Change", 11, Rag.Green, "Joint Climate Change Strategy approved by RBC Executive and BDC Cabinet.", null),
            ("Climate Change", 12, Rag.Green, "Further SALIX funding obtained; budget bids made for solar panels under the feed-in tariff.", null),
            ("WETT services received", 10, Rag.Green, "Regulatory Services business as usual since going live on 1 June 2010.", null),
            ("WETT services received", 11, Rag.Amber, "Capacity issues emerging as staff turnover begins; plans in place to manage gaps.", "Staff turnover ahead of the new structure."),
            ("WETT services received", 12, Rag.Amber, "New structure agreed; level C appointments made, level D selection by mid-December.", "Capacity gaps until the structure is filled."),
            ("Internal Audit", 10, Rag.Green, "Staff transferred to Worcester City Council on 1 June 2010.", null),
            ("Internal Audit", 11, Rag.Green, "New Shared Service Internal Audit Manager in post and attending both councils' audit boards.", null),
            ("Internal Audit", 12, Rag.Green, "Service Level Agreement finalised; staff consultation on restructure from early December.", null),
            ("Property Services", 10, Rag.Amber, "County Council has proposed a full restructure of the service.", "Concerns about the proposed restructure."),
            ("Property Services", 11, Rag.Amber, "Concerns raised about impact of staff reductions on the services provided.", "Concerns about the proposed restructure."),
            ("Property Services", 12, Rag.Red, "Service Level Agreement not agreed; issues with residual responsibilities, particularly for Redditch, not yet resolved.", "SLA cannot be agreed until the issues are resolved; not all are expected to be."),
            ("Revenues & Benefits transformation", 11, Rag.Green, "Three-day systems thinking scoping exercise carried out at BDC.", null),
            ("Revenues & Benefits transformation", 12, Rag.Green, "Further three days of scoping at RBC in early December; teams from both councils involved.", null),
            ("North Worcestershire Economic Development", 10, Rag.Green, "Steering Group drafting the Implementation Plan.", null),
            ("North Worcestershire Economic Development", 11, Rag.Green, "Appointment & Assimilation Protocol and Vacancy Management Policy drawn up.", null),
            ("North Worcestershire Economic Development", 12, Rag.Green, "Implementation Plan nearing completion for go-live on 1 June 2011.", null),
            ("Policy & Performance", 11, Rag.Green, "Business case in preparation.", null),
            ("Policy & Performance", 12, Rag.Green, "Business case on the Shared Services Board agenda for 9 December; savings in 2011/12.", null),
            ("HR & OD", 11, Rag.Green, "Business case in preparation.", null),
            ("HR & OD", 12, Rag.Green, "Business case on the Shared Services Board agenda for 9 December; savings in 2011/12.", null),
            ("Emergency Planning / Business Continuity", 10, Rag.Green, "Joint Emergency Plan and Joint Rest Centre Plan drafted.", null),
            ("Emergency Planning / Business Continuity", 11, Rag.Amber, "Plans awaiting CMT approval; officer time split (12% BDC, 8% RBC) not yet in budgets.", "Budgets do not yet reflect the shared officer's time."),
            ("Emergency Planning / Business Continuity", 12, Rag.Amber, "Business Continuity Plans being reviewed by consultants for BS25999 compliance.", "Budgets do not yet reflect the shared officer's time."),
            ("Environmental Services", 10, Rag.Green, "Staff consultation on the interim structure completed.", null),
            ("Environmental Services", 11, Rag.Amber, "Interim structure in place from 15 November 2010 with two posts still vacant.", "Vacant Tree Officer and Senior Street Cleansing Operative posts."),
            ("Environmental Services", 12, Rag.Amber, "New teams aligning; further review of the Redditch Transport section may need staff consultation.", "Vacancies and possible further consultation."),
        };

        foreach (var card in cards)
        {
            var service = services[card.Service];
            var period = new DateOnly(2010, card.Month, 1);
            db.StatusUpdates.Add(new StatusUpdate
            {
                SharedService = service,
                Period = period,
                Rag = card.Rag,
                Commentary = card.Commentary,
                ReasonForChange = card.Reason,
                UpdatedBy = service.Owner,
                UpdatedAt = new DateTimeOffset(period.AddDays(card.Month == 12 ? 6 : 25).ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero),
            });
        }
    }

    private static void SeedHighlightReports(DashboardDbContext db, Dictionary<string, SharedService> services, Dictionary<string, Person> people)
    {
        // Environmental Services (Amber) reports monthly; Emergency Planning (also Amber) has not written
        // its November report yet, which the board view flags.
        var environment = services["Environmental Services"];
        var start = new DateOnly(2010, 5, 1);
        var completion = new DateOnly(2011, 3, 31);

        db.HighlightReports.Add(new HighlightReport
        {
            SharedService = environment,
            PeriodEnding = new DateOnly(2010, 10, 31),
            PreparedBy = environment.Owner,
            Rag = Rag.Green,
            PercentComplete = 55,
            ProjectStartDate = start,
            ProjectedCompletionDate = completion,
            SummaryPosition = "Staff consultation on the interim structure is complete and appointments are being made.",
            OtherProgress = "Policies of both councils for waste collection compared.",
            ProjectBenefits = "Shared Waste & Street Scene, Bereavement Services and Tree Services teams giving resilience and efficiencies across both councils.",
            FinancialUpdate = "Within budget.",
            UpdatedAt = new DateTimeOffset(2010, 11, 3, 9, 0, 0, TimeSpan.Zero),
            Activities =
            [
                new() { Period = ActivityPeriod.ThisPeriod, Order = 1, Description = "Complete staff consultation on the interim structure", Progress = "Completed on time." },
                new() { Period = ActivityPeriod.NextPeriod, Order = 1, Description = "Put the interim staffing structure in place", DueDate = new DateOnly(2010, 11, 15) },
                new() { Period = ActivityPeriod.NextPeriod, Order = 2, Description = "Appoint to all posts in the new shared teams", DueDate = new DateOnly(2010, 11, 30) },
            ],
            Concerns = [new() { Order = 1, Concern = "Some posts may be hard to fill", MitigatingAction = "Advertise vacancies internally first, then externally." }],
        });

        db.HighlightReports.Add(new HighlightReport
        {
            SharedService = environment,
            PeriodEnding = new DateOnly(2010, 11, 30),
            PreparedBy = environment.Owner,
            Rag = Rag.Amber,
            PercentComplete = 65,
            ProjectStartDate = start,
            ProjectedCompletionDate = completion,
            SummaryPosition = "The new interim staffing structure has been in place since 15 November 2010, with two vacant posts still to be appointed to (Tree Officer and Senior Street Cleansing Operative BDC).",
            OtherProgress = "Staff in Waste & Street Scene, Bereavement Services and Tree Services are aligning their new teams and familiarising themselves with each council's policies and procedures.",
            ProjectBenefits = "Shared Waste & Street Scene, Bereavement Services and Tree Services teams giving resilience and efficiencies across both councils.",
            FinancialUpdate = "Within budget; vacancy savings in the current year.",
            UpdatedAt = new DateTimeOffset(2010, 12, 3, 9, 0, 0, TimeSpan.Zero),
            Activities =
            [
                new() { Period = ActivityPeriod.ThisPeriod, Order = 1, Description = "Put the interim staffing structure in place", Progress = "In place from 15 November 2010." },
                new() { Period = ActivityPeriod.ThisPeriod, Order = 2, Description = "Appoint to all posts in the new shared teams", Progress = "Two posts remain vacant; re-advertised." },
                new() { Period = ActivityPeriod.NextPeriod, Order = 1, Description = "Appoint Tree Officer and Senior Street Cleansing Operative (BDC)", DueDate = new DateOnly(2011, 1, 31) },
                new() { Period = ActivityPeriod.NextPeriod, Order = 2, Description = "Agree options for the Redditch Transport section review", DueDate = new DateOnly(2011, 1, 31) },
            ],
            Concerns = [new() { Order = 1, Concern = "Further staff consultation may be needed on the Redditch Transport options", MitigatingAction = "Early engagement with unions and staff." }],
        });
    }

    private static void SeedBenefits(DashboardDbContext db, Dictionary<string, SharedService> services)
    {
        var updated = new DateTimeOffset(2010, 12, 6, 9, 0, 0, TimeSpan.Zero);
        void Add(string service, BenefitKind kind, int order, string expected, string? actual, string? commentary) =>
            db.BenefitEntries.Add(new BenefitEntry
            {
                SharedService = services[service],
                Kind = kind,
                Order = order,
                Expected = expected,
                ActualToDate = actual,
                Commentary = commentary,
                UpdatedAt = updated,
            });

        Add("ICT", BenefitKind.BusinessCase, 1, "Savings from joint CCTV, Lifeline and ICT arrangements of £120k from 2010/11.", "On course for 2010/11.", null);
        Add("ICT", BenefitKind.BusinessCase, 2, "Single email service and domain for both councils.", "bromsgroveandredditch.gov.uk to be live at both councils by the end of 2010.", "Members' addresses will not change.");
        Add("ICT", BenefitKind.Other, 1, "Shared disaster recovery: data migration and recovery configured alongside server virtualisation.", null, null);
        Add("ICT", BenefitKind.OverallSummary, 1, "The service recovered well from the air conditioning failure; the new backup system removes the risk of a repeat loss.", null, null);
        Add("Elections", BenefitKind.BusinessCase, 1, "Increased resilience and improvement across both councils (no cash savings expected).", "Electoral Commission examination found registration practices working well.", "Improvement on previously recorded performance indicators.");
        Add("Elections", BenefitKind.Other, 1, "Initiatives to improve democratic participation, e.g. 'Would be Councillor' briefings.", null, null);
        Add("Community Safety", BenefitKind.BusinessCase, 1, "Increased resilience and improvement across both councils (no cash savings expected).", "Resilience achieved.", "Quarter 2 overspend being clarified.");
        Add("Payroll", BenefitKind.BusinessCase, 1, "A single payroll service for both councils.", "Delivered.", null);
        Add("Payroll", BenefitKind.Other, 1, "Income from providing Wyre Forest DC's payroll from April 2011: £46k pa (net £24k after funding an additional post).", null, "Not in the original business case.");
        Add("Climate Change", BenefitKind.BusinessCase, 1, "A joint strategy to reduce both councils' CO2 emissions.", "Joint Climate Change Strategy approved by both councils.", "About 80% of emissions come from buildings, the strategy's primary focus.");
    }

    private static void SeedRisks(DashboardDbContext db, Dictionary<string, SharedService> services, Dictionary<string, Person> people, ScoreBandSet bands)
    {
        var chiefExecutive = people["Kim Adams"];
        var reportDay = DateOnly.FromDateTime(ReportReviewed.UtcDateTime);
        var programme = new RiskRegister { Name = "Shared Services Programme", Kind = RiskRegisterKind.Programme, Owner = chiefExecutive, RiskAppetite = 6 };
        db.RiskRegisters.Add(programme);

        var targets = new Dictionary<string, (Likelihood, Impact)>
        {
            ["2"] = (Likelihood.Low, Impact.Critical),
            ["8"] = (Likelihood.Medium, Impact.Major),
            ["10"] = (Likelihood.Medium, Impact.Major),
        };

        foreach (var (reference, title, l, i, mitigation, earlier) in ProgrammeRisks)
        {
            var risk = new Risk
            {
                Ref = reference,
                Title = title,
                Mitigation = mitigation,
                Owner = chiefExecutive,
                RaisedOn = DateOnly.FromDateTime(BusinessCaseAssessed.UtcDateTime),
                NextReviewDate = reportDay.AddDays(bands.BandOf(l * i).ReviewEveryDays),
            };
            if (targets.TryGetValue(reference, out var target))
            {
                (risk.TargetLikelihood, risk.TargetImpact) = target;
            }

            var (firstL, firstI) = earlier ?? (l, i);
            risk.Assessments.Add(Assessment(firstL, firstI, BusinessCaseAssessed, chiefExecutive, "Assessed for the shared services business case."));
            if (earlier is not null)
            {
                risk.Assessments.Add(Assessment(l, i, ReportReviewed, chiefExecutive, mitigation));
            }

            programme.Risks.Add(risk);
        }

        var ict = services["ICT"];
        var ictRegister = new RiskRegister { Name = "ICT", Kind = RiskRegisterKind.Service, SharedService = ict, Owner = ict.Owner, RiskAppetite = 6 };
        var dataLoss = ServiceRisk("ICT-1", "Loss of data through failure of the server room environment", ict.Owner!, (3, 4), (2, 4),
            "New backup system purchased and being installed at RBC. Disaster recovery configuration and testing continuing with the virtualisation of servers.", bands);
        ictRegister.Risks.Add(dataLoss);
        ictRegister.Risks.Add(ServiceRisk("ICT-2", "Single email domain not in place at both councils by the end of 2010", ict.Owner!, (2, 2), null,
            "bromsgroveandredditch.gov.uk being implemented at both councils; Members' addresses unaffected.", bands));
        ictRegister.Issues.Add(new RiskIssue
        {
            Ref = "ICT-I1",
            Description = "Data lost after the air conditioning failure at RBC.",
            Owner = ict.Owner,
            Priority = IssuePriority.High,
            RaisedOn = new DateOnly(2010, 10, 4),
            Status = IssueStatus.InProgress,
            Action = "Recover data from backups and give affected staff access; buy and install a new backup system.",
            Resolution = "Majority of data recovered and access restored.",
            RaisedFromRisk = dataLoss,
        });
        db.RiskRegisters.Add(ictRegister);

        var property = services["Property Services"];
        var propertyRegister = new RiskRegister { Name = "Property Services", Kind = RiskRegisterKind.Service, SharedService = property, Owner = property.Owner, RiskAppetite = 4 };
        propertyRegister.Risks.Add(ServiceRisk("PS-1", "Service Level Agreement with Worcestershire County Council not agreed", property.Owner!, (2, 3), (3, 3),
            "The SLA will not be agreed without full resolution of the issues; if it is not delivered to the Councils' satisfaction, the future management of the service will be discussed.", bands));
        propertyRegister.Risks.Add(ServiceRisk("PS-2", "Severance costs from the County Council's restructure fall to the Councils", property.Owner!, (2, 3), null,
            "Costs to be clarified with County officers before the restructure proceeds.", bands));
        db.RiskRegisters.Add(propertyRegister);

        programme.Issues.Add(new RiskIssue
        {
            Ref = "I-1",
            Description = "Programme Manager and Project Manager posts for the Transformation Team not filled after external advertising.",
            Owner = chiefExecutive,
            Priority = IssuePriority.High,
            RaisedOn = new DateOnly(2010, 10, 29),
            Status = IssueStatus.InProgress,
            Action = "Programme Manager post re-advertised internally as a secondment; interviews in December. Support sought from IEWM.",
            RaisedFromRisk = programme.Risks.Single(r => r.Ref == "2"),
        });
    }

    private static Risk ServiceRisk(string reference, string title, Person owner, (int L, int I) first, (int L, int I)? now, string mitigation, ScoreBandSet bands)
    {
        var current = now ?? first;
        var risk = new Risk
        {
            Ref = reference,
            Title = title,
            Mitigation = mitigation,
            Owner = owner,
            RaisedOn = new DateOnly(2010, 9, 1),
            NextReviewDate = DateOnly.FromDateTime(ReportReviewed.UtcDateTime).AddDays(bands.BandOf(current.L * current.I).ReviewEveryDays),
        };
        risk.Assessments.Add(Assessment(first.L, first.I, new DateTimeOffset(2010, 9, 1, 10, 0, 0, TimeSpan.Zero), owner, "Raised when the service's register was set up."));
        if (now is not null)
        {
            risk.Assessments.Add(Assessment(now.Value.L, now.Value.I, ReportReviewed, owner, mitigation));
        }

        return risk;
    }

    private static RiskAssessment Assessment(int l, int i, DateTimeOffset at, Person by, string reason) => new()
    {
        Likelihood = RiskScale.ToLikelihood(l),
        Impact = RiskScale.ToImpact(i),
        AssessedAt = at,
        AssessedBy = by,
        Reason = reason,
    };

    private static void SeedSavings(DashboardDbContext db, Council bdc, Council rbc, Dictionary<string, Person> people)
    {
        // Exactly what section 7 of the progress report prints. §7.2's estimate is the year's target and, as "current
        // estimations assume that this will be achieved", its forecast; no delivered-to-date figure is printed, so none
        // is seeded. §7.1's single management team saving is not split between the councils, so it is one line with
        // no council, beside the councils' totals rather than in them (the report does not say whether §7.2 includes it).
        const string Estimate = "Progress report §7.2";
        const string ManagementTeam = "Progress report §7.1";
        const string EstimateCommentary = "Estimated for 2010/11 from shared services and joint working; current estimations assume that this will be achieved. Reported to the Board quarterly (next update February 2011).";
        db.SavingsLines.AddRange(
            new SavingsLine
            {
                Council = bdc, FinancialYear = 2010, Description = "Shared services and joint working", Owner = people["Dana Hughes"],
                Target = 450_000m, Forecast = 450_000m, Commentary = EstimateCommentary, Source = Estimate,
            },
            new SavingsLine
            {
                Council = rbc, FinancialYear = 2010, Description = "Shared services and joint working", Owner = people["Priya Shah"],
                Target = 514_000m, Forecast = 514_000m, Commentary = EstimateCommentary, Source = Estimate,
            },
            new SavingsLine
            {
                FinancialYear = 2010, Description = "Single management team", Owner = people["Kim Adams"],
                Target = 330_000m, Forecast = 330_000m, Source = ManagementTeam,
                Commentary = "The ongoing saving delivered through the single management team: £330k in 2010/11, rising to £450k in 2011/12. The report does not split it between the councils.",
            },
            new SavingsLine
            {
                FinancialYear = 2011, Description = "Single management team", Owner = people["Kim Adams"],
                Target = 450_000m, Forecast = 450_000m, Source = ManagementTeam,
                Commentary = "Rising from £330k in 2010/11 following the initial support for implementation that will be required in the Councils. The report does not split it between the councils.",
            });
    }

    private static void SeedMeetings(DashboardDbContext db)
    {
        var dates = new[] { (2010, 8, 12), (2010, 10, 14), (2010, 11, 11), (2010, 12, 9), (2011, 1, 13), (2011, 2, 10), (2011, 3, 10) };
        foreach (var (index, (y, m, d)) in dates.Index())
        {
            db.BoardMeetings.Add(new BoardMeeting
            {
                Date = new DateOnly(y, m, d),
                Title = "Shared Services Board",
                Location = index % 2 == 0 ? "The Council House, Burcot Lane, Bromsgrove" : "Town Hall, Redditch",
            });
        }
    }

    private static async Task SeedAccountsAsync(UserManager<ApplicationUser> users, Dictionary<string, Person> people)
    {
        await CreateAccountAsync(users, people["Priya Shah"], AdministratorPassword, Roles.Administrator);
        await CreateAccountAsync(users, people["Cllr Jordan Ellis"], BoardMemberPassword, Roles.BoardMember);
        await CreateAccountAsync(users, people["Cllr Morgan Price"], BoardMemberPassword, Roles.BoardMember);
        await CreateAccountAsync(users, people["Dana Hughes"], ReportOwnerPassword, Roles.ReportOwner);
        foreach (var manager in new[]
                 {
                     "Jamie Fox", "Chris Patel", "Alex Morgan", "Lee Carter", "Rosa Grant", "Tom Baker", "Nina Walsh", "Owen Hart",
                     "Ruth Lane", "Dev Singh", "Helen Cole", "Mark Quinn", "Gail Porter", "Ian Brooks", "Sue Marsh",
                 })
        {
            await CreateAccountAsync(users, people[manager], ManagerPassword, Roles.ServiceManager, Roles.ReportOwner);
        }
    }

    private static async Task CreateAccountAsync(UserManager<ApplicationUser> users, Person person, string password, params string[] roles)
    {
        var user = new ApplicationUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, PersonId = person.Id, IsDemoAccount = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo account {person.Email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException($"Could not give {person.Email} its roles: {string.Join(" ", added.Errors.Select(e => e.Description))}");
        }
    }
}
