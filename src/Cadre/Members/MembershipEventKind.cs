namespace Cadre.Members;

/// What happened to a membership. Most kinds are steps of the state machine; the others record a decision
/// that leaves the status as it is until it is decided (a transfer request, an appeal).
public enum MembershipEventKind
{
    Apply = 1,
    Admit = 2,
    Ratify = 3,
    Confirm = 4,
    ExtendProbation = 5,
    Reject = 6,
    TransferRequested = 7,
    Transfer = 8,
    TransferDeclined = 9,
    Warn = 10,
    WarnSeverely = 11,
    Suspend = 12,
    Reinstate = 13,
    Expel = 14,
    AppealLodged = 15,
    AppealUpheld = 16,
    Overturn = 17,
    Resign = 18,
    Lapse = 19,
    Die = 20,
    Readmit = 21,
}
