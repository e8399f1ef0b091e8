// Demo content for "Westside Sports Chiro". Plain data only: the seed runner turns it into rows.
// Everything clinic-specific lives here so the platform itself stays clinic-agnostic.
// Markdown bodies start at column 0 on purpose: indentation would turn them into code blocks.

export interface SeedClinic {
  name: string;
  tagline: string;
  email: string;
  phone: string;
  address: { street: string; suburb: string; state: string; postcode: string; country: string };
  timeZone: string;
  currency: string;
  websiteUrl: string;
  /** Whose public holidays the demo accepts as closures for its first year. */
  holidayRegion: string | null;
  emailSenderName: string;
  emailSenderAddress: string;
  bookingPolicy: {
    slotStepMinutes: number;
    minNoticeMinutes: number;
    horizonDays: number;
    cancellationWindowHours: number;
  };
  sentEmailRetentionDays: number;
  /** Off in the demo: nothing is removed for inactivity until the clinic chooses a period. */
  inactiveRetentionYears: number | null;
}

export interface SeedPractitioner {
  slug: string;
  name: string;
  title: string;
  /** Markdown, two or three paragraphs. */
  bio: string;
  sortOrder: number;
}

export interface SeedService {
  slug: string;
  name: string;
  /** Plain text, at most 300 characters. */
  summary: string;
  /** Markdown. */
  description: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  priceCents: number;
  patientType: "new" | "returning" | "any";
  sortOrder: number;
  practitionerSlugs: string[];
}

export interface SeedHoursRange {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** HH:mm, clinic local time. */
  start: string;
  /** HH:mm, clinic local time. */
  end: string;
}

export interface SeedTimeOff {
  practitionerSlug: string;
  daysFromNow: number;
  reason: string;
}

export interface SeedPost {
  slug: string;
  title: string;
  excerpt: string;
  /** Markdown; may contain `::youtube{id="…" title="…"}` directives on their own line. */
  body: string;
  authorSlug: string;
  status: "published" | "draft";
  /** Days before the seed runs that the post was published; null for drafts. */
  daysAgo: number | null;
  /** Lowercase, hyphen-separated. */
  tags: string[];
}

export interface SeedTestimonial {
  authorName: string;
  rating: 1 | 2 | 3 | 4 | 5;
  body: string;
  practitionerSlug: string | null;
  status: "approved" | "pending";
  featured: boolean;
  daysAgo: number;
  email: string | null;
}

export interface SeedEnquiry {
  name: string;
  email: string;
  phone: string | null;
  message: string;
  status: "new" | "in_progress" | "closed";
  daysAgo: number;
}

export interface SeedBooking {
  serviceSlug: string;
  practitionerSlug: string;
  patient: { name: string; email: string; phone: string };
  daysFromNow: number;
  /** HH:mm local; fits every working day of the practitioner, so moving it to another day stays valid. */
  time: string;
  notes: string;
}

export interface SeedOwner {
  email: string;
  name: string;
}

export const clinic: SeedClinic = {
  name: "Westside Sports Chiro",
  tagline: "Sports chiropractic and rehab for Sydney's active people",
  email: "hello@westsidesportschiro.example",
  phone: "02 9000 1234",
  address: {
    street: "Suite 3, 112 Norton Street",
    suburb: "Leichhardt",
    state: "NSW",
    postcode: "2040",
    country: "Australia",
  },
  timeZone: "Australia/Sydney",
  currency: "AUD",
  websiteUrl: "https://westsidesportschiro.example",
  holidayRegion: "AU-NSW",
  emailSenderName: "Westside Sports Chiro",
  emailSenderAddress: "bookings@westsidesportschiro.example",
  bookingPolicy: {
    slotStepMinutes: 15,
    minNoticeMinutes: 120,
    horizonDays: 60,
    cancellationWindowHours: 24,
  },
  sentEmailRetentionDays: 30,
  inactiveRetentionYears: null,
};

export const owner: SeedOwner = {
  email: "owner@westsidesportschiro.example",
  name: "Megan Hartley",
};

export const practitioners: SeedPractitioner[] = [
  {
    slug: "jason-lee",
    name: "Jason Lee",
    title: "Chiropractor, running and endurance sport",
    sortOrder: 1,
    bio: `Jason has spent most of his career working with runners, triathletes and cyclists, from people training for their first 5 km to masters athletes chasing a personal best at the marathon. He is especially interested in how training load, strength and running technique fit together, and he likes to see your training log as much as your sore spot.

His treatment usually combines spinal and joint adjustments, soft-tissue work and a clear, progressive exercise plan that you can keep doing between visits. He would rather you leave with a plan you understand than a long list of appointments.

Outside the clinic, Jason runs the Bay Run most mornings, has completed several road marathons and is slowly learning to enjoy hill repeats. He also runs the clinic's running assessments and Saturday morning sessions.`,
  },
  {
    slug: "joey-lee",
    name: "Joey Lee",
    title: "Chiropractor, team sports and youth athletes",
    sortOrder: 2,
    bio: `Joey works mainly with team-sport athletes: netball, football, rugby league, touch and basketball players who need to sprint, change direction, jump and land, often several times a week. She has a particular interest in ankle and knee injuries, and in helping teenagers manage a busy sporting calendar while they are still growing.

Her sessions blend hands-on care, including adjustments and sports massage, with rehab in the clinic gym. Joey is big on return-to-sport testing: before you go back to a full game, she wants you to pass the hops, cuts and landings that your sport will demand of you.

Joey played representative netball through school and university and now coaches a junior team on weekends. She also runs injury-prevention workshops for local clubs during preseason.`,
  },
];

export const services: SeedService[] = [
  {
    slug: "initial-assessment",
    name: "Initial Assessment & Treatment",
    summary:
      "Your first visit: a detailed history, movement and sport-specific assessment, an explanation of what we find, and your first treatment if it's appropriate.",
    description: `Your first appointment is all about understanding you: your injury or concern, your sport, your training and your goals.

**What's included**

- A conversation about your history, training load and what you want to get back to
- A movement assessment plus relevant orthopaedic and neurological tests
- A clear explanation of what we think is going on, and a plan you can follow
- Treatment on the day where appropriate, which may include adjustments, soft-tissue work and exercises

Please wear or bring comfortable clothes you can move in, and bring any scans, reports or referrals you have. If it turns out you need another health professional, we'll tell you and help arrange it.`,
    durationMinutes: 45,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
    priceCents: 12000,
    patientType: "new",
    sortOrder: 1,
    practitionerSlugs: ["jason-lee", "joey-lee"],
  },
  {
    slug: "follow-up-adjustment",
    name: "Follow-up Adjustment",
    summary:
      "A follow-up visit for existing patients: we check your progress, treat, and update your home exercises so you keep moving forward.",
    description: `Follow-up visits build on your initial assessment. We'll check how you've responded since last time, re-test the movements that matter for your sport and adjust the plan as you improve.

Treatment may include spinal and joint adjustments, soft-tissue techniques and a review of your home program. As you get better, we space visits further apart; the aim is for you to need us less, not more.

This appointment is for returning patients. If it's been more than 12 months since your last visit, or you have a new injury, please book an initial assessment instead.`,
    durationMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 5,
    priceCents: 7900,
    patientType: "returning",
    sortOrder: 2,
    practitionerSlugs: ["jason-lee", "joey-lee"],
  },
  {
    slug: "sports-massage",
    name: "Sports Massage",
    summary:
      "A firm, focused 60-minute massage for training recovery, tight spots and match preparation, tailored to your sport and where you are in your season.",
    description: `Sports massage is a hands-on session aimed at the areas that take the most load in your sport: calves and hamstrings for runners, hips and lower back for cyclists, shoulders for swimmers and throwers.

**Good for**

- Recovery during a heavy training block
- Easing tightness before a race or finals series
- Feeling more comfortable while you work through a rehab plan

We'll check in about pressure throughout, and we adjust the session around any current injuries. Massage feels great and can help you feel looser, but it works best alongside strength work and sensible training, not instead of them.`,
    durationMinutes: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
    priceCents: 11500,
    patientType: "any",
    sortOrder: 3,
    practitionerSlugs: ["joey-lee"],
  },
  {
    slug: "rehab-strength-session",
    name: "Rehab & Strength Session",
    summary:
      "A coached session in our clinic gym to rebuild strength, control and confidence after injury, with a program you can take home.",
    description: `Most injuries don't fully settle until the tissue can handle the load your sport puts on it. These sessions take place in our small clinic gym, one on one, and focus on getting you strong enough to return and stay there.

**A session might include**

- Progressive strength work for calves, hips, trunk or shoulders
- Balance, hopping and landing drills
- Running, cutting or sport-specific movement practice
- Testing against your return-to-sport goals

You'll leave with an updated program in plain language that you can do at home or at your own gym. Rehab sessions are for existing patients, so we know your history before we load you up.`,
    durationMinutes: 45,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 5,
    priceCents: 9500,
    patientType: "returning",
    sortOrder: 4,
    practitionerSlugs: ["jason-lee", "joey-lee"],
  },
  {
    slug: "running-assessment",
    name: "Running Assessment",
    summary:
      "A 30-minute treadmill session with video analysis of your running, plus practical tips on cadence, load and footwear to help you train comfortably.",
    description: `A running assessment looks at how you move at speed, which is often different from how you move on the treatment table.

**What we do**

- Film you on the treadmill at easy and faster paces
- Review your cadence, foot strike, hip and trunk control, and arm swing
- Talk through your weekly training, recent changes and footwear
- Give you one or two simple, practical changes to try, not a complete overhaul

This suits healthy runners who want a check-up before a training block, as well as runners with a niggle. If you're in pain while you run, we may suggest an initial assessment first.`,
    durationMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 5,
    priceCents: 8500,
    patientType: "any",
    sortOrder: 5,
    practitionerSlugs: ["jason-lee"],
  },
];

// Every booking below uses a time that fits all of that practitioner's working days (including
// Jason's short Saturday), so the runner can shift a booking off a day off without breaking it.
export const weeklyHours: Record<string, SeedHoursRange[]> = {
  "jason-lee": [
    { weekday: 1, start: "08:00", end: "12:30" },
    { weekday: 1, start: "13:30", end: "18:00" },
    { weekday: 2, start: "08:00", end: "12:30" },
    { weekday: 2, start: "13:30", end: "19:00" },
    { weekday: 3, start: "08:00", end: "12:30" },
    { weekday: 3, start: "13:30", end: "18:00" },
    { weekday: 4, start: "08:00", end: "12:30" },
    { weekday: 4, start: "13:30", end: "18:00" },
    { weekday: 5, start: "08:00", end: "12:30" },
    { weekday: 5, start: "13:30", end: "17:00" },
    { weekday: 6, start: "08:00", end: "12:00" },
  ],
  "joey-lee": [
    { weekday: 1, start: "09:00", end: "13:00" },
    { weekday: 1, start: "14:00", end: "18:00" },
    { weekday: 2, start: "07:30", end: "12:00" },
    { weekday: 2, start: "13:00", end: "18:00" },
    { weekday: 4, start: "09:00", end: "13:00" },
    { weekday: 4, start: "14:00", end: "19:00" },
    { weekday: 5, start: "09:00", end: "13:00" },
    { weekday: 5, start: "14:00", end: "17:00" },
  ],
};

// Jason's bookings are at most 8 days out (9 once moved off a Sunday), so this day off never collides.
export const timeOff: SeedTimeOff[] = [
  { practitionerSlug: "jason-lee", daysFromNow: 11, reason: "Sports chiropractic conference" },
];

export const posts: SeedPost[] = [
  {
    slug: "why-runners-benefit-from-spinal-adjustments",
    title: "Why Runners Benefit from Spinal Adjustments",
    excerpt:
      "Running is a whole-body movement, not just a leg exercise. Here's where spinal adjustments fit into a sensible plan for staying comfortable and consistent, and what they can't do on their own.",
    authorSlug: "jason-lee",
    status: "published",
    daysAgo: 6,
    tags: ["running", "spinal-health", "injury-prevention"],
    body: `Most runners who walk into the clinic start by talking about their legs: a tight calf, a grumbling knee, a hip that won't settle after the long run. That makes sense, because that's where they feel it. But running is a whole-body skill. Every stride passes load from your foot, through your pelvis and spine, and out through your arms, thousands of times a session. When one link in that chain is stiff or sore, the others tend to pick up the slack.

That's where chiropractic care, including spinal adjustments, can play a useful part. Not as a magic fix, and not on its own, but as one tool alongside good training, strength work and recovery.

::youtube{id="S7L5pmw8Is4" title="Spinal adjustments for runners"}

## The spine is part of your stride

When you run, your pelvis rotates and tilts with each step while your upper and mid back counter-rotate with your arm swing. That rotation keeps you balanced and helps you run efficiently. If your mid back is stiff, which is common in people who sit for much of the day, the rotation has to come from somewhere else, often the lower back or the hips.

Runners often describe this as feeling "tight" or "stuck", or notice that one side tires sooner than the other. A thorough assessment looks at how your spine, pelvis and hips move together, not just at the spot that hurts.

## What an adjustment actually does

A spinal adjustment is a quick, controlled movement applied to a joint that isn't moving comfortably. Research suggests adjustments can reduce pain and make a stiff region feel freer in the short term. For many people that makes it easier to move well and to get on with their rehab exercises.

What adjustments don't do is "put bones back in place" or permanently change your posture. We find it more honest, and more useful, to think of them as opening a window: for a while after treatment, movement often feels easier, and that's the best time to practise moving better.

## Where runners tend to notice a difference

Everyone responds differently, but these are the changes runners most often mention after a course of care that includes adjustments:

- **Freer upper-back rotation.** A more relaxed arm swing and less shoulder tension late in a run.
- **A more comfortable lower back on long runs.** Especially for people who feel stiffness creeping in after the first hour.
- **Easier hip and pelvic movement.** Helpful when tight hips are limiting stride length or feeding a one-sided niggle.
- **Confidence to keep training.** Dealing with a niggle early often means fewer missed sessions.

We're cautious about claims that adjustments make you faster or prevent injuries outright, because the evidence doesn't support that. What we can say is that staying comfortable and consistent is one of the biggest drivers of improvement for most runners.

## Adjustments work best as part of a plan

In our experience, runners get the most out of chiropractic care when it sits inside a bigger picture:

1. **Load management.** Most running injuries come from doing too much, too soon. We'll look at your weekly kilometres, how quickly your long run has grown and any recent changes such as new shoes, more hills or a race block.
2. **Strength training.** Strong calves, glutes and trunk muscles help your body cope with the repetitive load of running. Our clinic gym lets us coach you through a program you can continue at home.
3. **Running technique.** Small changes, like a slightly quicker cadence, can take load off an irritated area. A running assessment shows us what's happening at speed.
4. **Recovery basics.** Sleep, enough food and genuinely easy days do more heavy lifting than any single treatment.

## When to get checked

It's worth booking an assessment if:

- a niggle has lasted more than a week or two, or is getting worse
- pain changes the way you run, for example limping or shortening your stride
- you're coming back after time off or building towards a big event
- the same problem keeps returning in each training block

Please see your GP or go to an emergency department first for pain after a fall or collision, numbness or weakness in your legs, or back pain with fever or unexplained weight loss. Those need medical assessment before anything else.

## Conclusion

Spinal adjustments aren't a cure-all, but for many runners they're a helpful part of staying mobile, comfortable and on track. Combined with smart training, strength work and a bit of patience, they can help you spend less time on the sidelines and more time on the road or trail. If you'd like help working out where adjustments fit into your running, book an initial assessment and bring your training log. We'd love to see it.`,
  },
  {
    slug: "desk-posture-for-weekend-athletes",
    title: "Desk Posture for Weekend Athletes",
    excerpt:
      "Sitting all week and sprinting on Saturday is a tough combination. Practical desk set-up tips, movement breaks and a midweek routine to help your body cope with both.",
    authorSlug: "jason-lee",
    status: "published",
    daysAgo: 21,
    tags: ["posture", "desk-work", "injury-prevention"],
    body: `From Monday to Friday you're at a desk. On Saturday you're chasing a ball across a muddy oval, grinding up hills on the bike or lining up for parkrun. If that sounds familiar, you're in good company: a large share of the people we see are office workers who play sport on weekends, and the jump from one to the other is where many of their niggles begin.

The good news is that you don't need a perfect posture or an expensive chair. You need a workspace that makes movement easy, and a little bit of preparation during the week.

## There's no single "correct" posture

You may have been told to sit bolt upright with your shoulders pulled back. Research hasn't found one ideal sitting posture that prevents pain, and holding any position for hours, even a "good" one, tends to leave people stiff. A more useful rule is that **your best posture is your next one**. Changing position regularly matters more than finding the perfect angle.

That said, a sensible set-up makes it easier to stay comfortable and to move.

## Set up your desk so moving is easy

- **Screen:** roughly at eye height and about an arm's length away, so you're not craning forward to read.
- **Chair:** feet flat on the floor, hips level with or slightly higher than your knees. Use the backrest; it's there to be leaned on.
- **Keyboard and mouse:** close to you, so your elbows can rest near your sides and your shoulders can relax.
- **Laptops:** if you use one all day, a separate keyboard and a stand (or a pile of books) to lift the screen make a big difference.
- **Standing desks:** useful for variety, but standing all day brings its own aches. Alternate between sitting and standing through the day.

## Build movement into the workday

Aim to change position every 30 to 45 minutes. It doesn't have to be a workout:

- take phone calls standing or walking
- use the stairs and a bathroom on another floor
- refill your water bottle often (a handy built-in reminder)
- walk to a colleague's desk instead of sending a message

A few desk-friendly movements help too. Try seated upper-back rotations (arms crossed, turn gently left and right ten times), a standing hip flexor stretch (half-kneel or step one foot back and tuck your tailbone under) and twenty slow calf raises while you wait for the kettle.

## Bridge the gap between the desk and the weekend

The real challenge for weekend athletes is going from zero to full speed. Long hours of sitting tend to leave your hip flexors feeling tight and your glutes and hamstrings under-prepared for sprinting, and a hamstring strain early in a Saturday game is a classic result.

Two things help most:

1. **Two short strength sessions midweek.** Twenty to thirty minutes is enough. Include a squat or lunge, a hip hinge such as a Romanian deadlift or hip thrust, a hamstring exercise, calf raises and something for your trunk. Consistency beats intensity.
2. **A proper warm-up before you play.** Ten minutes of easy jogging, dynamic stretches, skips and a few gradual accelerations prepares your muscles for the speed the game will demand. Standing around chatting then sprinting from cold is asking for trouble.

If you can fit in one midweek run, ride or training session, even better. It gives your body a taste of the weekend's demands.

## Signs it's time to get help

Stiffness after a long day is normal and usually eases once you move. It's worth having a chat with us if you notice:

- neck or back pain that's lasting longer or returning more often
- headaches that seem linked to neck stiffness
- pain or pins and needles spreading into your arms or legs
- the same muscle strain coming back season after season

Sudden weakness, loss of bladder or bowel control, or severe unexplained pain need urgent medical attention, so head to your GP or an emergency department.

## Conclusion

Desk work and weekend sport can coexist happily. Set up your workspace so movement is easy, get up regularly, add two short strength sessions to your week and never skip the warm-up. If a niggle keeps interrupting your weekends, book an assessment and we'll look at both sides of your week, the desk and the field.`,
  },
  {
    slug: "returning-to-sport-after-an-ankle-sprain",
    title: "Returning to Sport After an Ankle Sprain",
    excerpt:
      "Ankle sprains are common and often brushed off, but rushing back is the main reason they recur. A stage-by-stage guide to getting back on court or field with confidence.",
    authorSlug: "joey-lee",
    status: "published",
    daysAgo: 40,
    tags: ["ankle-sprain", "return-to-sport", "rehab"],
    body: `Rolled ankles are one of the most common injuries in netball, basketball, football and trail running. Because many sprains start to feel better within a week or two, they're also one of the most under-treated. The catch is that people who rush back without rebuilding strength and balance have a much higher chance of spraining the same ankle again.

Here's how we approach getting you back to sport safely, stage by stage. Everyone's injury is different, so treat this as a guide rather than a prescription.

## First, make sure it's "just" a sprain

Most ankle sprains involve stretched or torn ligaments on the outside of the ankle. Sometimes, though, there's a fracture or a more serious ligament injury. See your GP or an emergency department promptly if:

- you couldn't take four steps on it straight after the injury, or still can't
- there's tenderness directly on the bony bumps of the ankle or the outside of the foot
- the ankle looks deformed, or your foot is numb, cold or discoloured

An X-ray may be needed to rule out a break. If you're unsure, get it checked; we can assess you and refer you for imaging if it's warranted.

## Stage 1: Settle it down (first few days)

In the first few days the goal is to protect the ankle without completely resting it. Elevate it when you can, use compression if it helps with swelling, and walk as normally as pain allows (crutches for a short time are fine if you're limping badly). Gentle pain-free movement, like tracing the alphabet with your toes, helps more than keeping it totally still.

Avoid pushing through sharp pain, and go easy on alcohol and long periods on your feet while it's swollen.

## Stage 2: Restore movement and walking

Once swelling starts to settle, we work on getting your ankle moving fully again, especially bending it upwards (dorsiflexion), which is often stiff after a sprain. A knee-to-wall stretch is a simple way to measure and improve it. The aim of this stage is a normal walking pattern without a limp.

Hands-on treatment, including joint mobilisation and soft-tissue work, can help with comfort and movement during this stage, alongside your exercises.

## Stage 3: Rebuild strength

Ligaments heal over weeks to months, and the muscles around the ankle need to be strong enough to protect it. Key exercises include:

- **Calf raises:** building up to single-leg raises, then adding weight
- **Resistance band work:** turning the foot outwards against a band to strengthen the muscles on the outside of the ankle
- **Hip and glute strength:** because control of the whole leg matters, not just the ankle

As a rough guide, we like to see you manage at least 20 to 25 single-leg calf raises on the injured side, similar to the other side, before you start running and jumping in earnest.

## Stage 4: Balance and control

A sprain disrupts the ankle's sense of position, which is why it can feel "wobbly" even once the pain has gone. Balance training is one of the best tools we have to reduce the chance of another sprain. Start with standing on one leg for 30 seconds, then make it harder: eyes closed, on a cushion, while catching a ball or while turning your head.

## Stage 5: Sport-specific training

Now we start to look like your sport again. We'll progress through:

1. straight-line jogging, then running
2. hopping on the spot, then forwards and sideways
3. landing from a jump and sticking the landing
4. cutting and changing direction at increasing speeds
5. drills from your own sport: leading and pivoting for netballers, dribbling and turning for footballers

## The return-to-sport checklist

Before you play a full game, we'd like you to be able to say yes to these:

- full, pain-free range of movement
- strength and balance close to your other side
- confident hopping, landing and changing direction at game speed
- at least one or two full training sessions completed without a flare-up
- you feel ready, not just that the team needs you

Many players also choose to tape or brace the ankle for the rest of the season, which is a reasonable option while you keep up your balance work.

## Conclusion

A sprained ankle is rarely serious, but it deserves more respect than a bag of ice and a week off. Working through movement, strength, balance and sport-specific training gives you the best chance of getting back on court or field and staying there. If you've rolled an ankle, or it keeps happening, book an initial assessment and we'll build a plan around your sport and season.`,
  },
  {
    slug: "what-to-expect-at-your-first-visit",
    title: "What to Expect at Your First Visit",
    excerpt:
      "Never seen a chiropractor before, or just new to us? Here's what happens at your first appointment, what to bring, and how we make decisions about your care together.",
    authorSlug: "joey-lee",
    status: "published",
    daysAgo: 75,
    tags: ["first-visit", "chiropractic-care"],
    body: `Walking into a new clinic can feel a little uncertain, especially if you've never seen a chiropractor before. We'd like you to know exactly what's going to happen, so here's a walk-through of a typical first appointment at Westside Sports Chiro.

Your initial assessment is booked for 45 minutes. That gives us time to listen properly, assess you thoroughly and, in most cases, start treatment on the same day.

## Before you arrive

- **Fill in the intake form.** We'll email you a short form when you book. It asks about your health history, medications and what's brought you in, and it saves time on the day.
- **Bring anything relevant.** Scans, reports, referrals or a list of medications are all helpful. Runners and cyclists: a rough idea of your weekly training is gold.
- **Wear comfortable clothes.** Something you can move, squat and lunge in. Shorts are handy for knee, ankle and hip problems, and we have gowns if you need one.
- **Arrive five minutes early.** That gives you time to park and settle in.

## The conversation

We start by talking. We'll ask what's bothering you, when and how it started, what makes it better or worse, and how it affects your sport, work and sleep. We'll also ask about your general health, because some symptoms need a different kind of care, and our job is to spot those.

Most importantly, we'll ask what you want to get back to. Finishing a half marathon, playing a full game of netball or sitting through a workday without a sore back are all different goals, and they shape your plan.

## The assessment

Next, we look at how you move. Depending on your concern, this may include:

- watching you walk, squat, lunge, hop or run
- checking the range of movement of your spine and joints
- orthopaedic tests to narrow down which structures are involved
- neurological checks such as reflexes, strength and sensation

We'll explain what we're doing as we go. If anything is uncomfortable, tell us and we'll change our approach.

## Explaining what we've found

Before any treatment, we'll explain what we think is going on in plain language, what the likely timeframe looks like and what we recommend. If your problem is better suited to another professional, such as your GP, a physiotherapist or a sports physician, we'll tell you and help with a referral.

You're always welcome to ask questions, and you don't have to commit to a long course of care. Most sports injuries need a handful of visits plus the work you do at home, and we'll review progress regularly.

## Treatment

With your consent, treatment may start on the day. It could include:

- **Spinal or joint adjustments:** quick, controlled movements to stiff joints, sometimes with a harmless clicking sound
- **Soft-tissue therapy:** massage and trigger point work for tight or overloaded muscles
- **Exercises:** usually two or three to start with, chosen so you'll actually do them

If you'd prefer not to have adjustments, just say so. There are gentler options that work well, and your comfort comes first.

## After your visit

Some people feel a little sore for a day or two after their first treatment, much like after a new gym session. That's normal and usually settles quickly. Keep moving gently, do your exercises and let us know if anything worries you.

## Fees and rebates

Our fees are listed on each service page. If you have private health insurance with extras cover, you can usually claim on the spot with your card. If your GP has referred you under a chronic disease management plan, bring the referral and we'll explain how the Medicare rebate works.

## Conclusion

Your first visit is about understanding you, your body and your sport, and agreeing on a plan together. There are no trick questions and no pressure. If you're ready, book an initial assessment online, or get in touch if you'd like to ask something first.`,
  },
  {
    slug: "netball-preseason-landing-drills",
    title: "Netball Preseason: Training Knees and Ankles to Land Well",
    excerpt:
      "Most netball knee and ankle injuries happen on landing. A simple preseason routine to build strength, balance and better landing habits before the first whistle.",
    authorSlug: "joey-lee",
    status: "draft",
    daysAgo: null,
    tags: ["netball", "injury-prevention", "strength"],
    body: `Netball asks a lot of your knees and ankles. Every game involves dozens of jumps, sudden stops and landings on one leg, often while you're catching a ball and looking for a pass. It's no surprise that knee and ankle injuries are the most common reasons netballers miss games.

The encouraging news is that structured warm-ups and landing training have a good track record of reducing lower-limb injuries in team sports. Preseason is the perfect time to build the habits.

## Why landing matters

A good landing spreads force through your ankles, knees and hips. A poor one, with a stiff, straight knee or the knee collapsing inwards, puts more strain on the ligaments. Fatigue, weak hips and rushed footwork all make poor landings more likely, which is why injuries tend to cluster late in games.

You don't need to think about every detail during a match. The goal of preseason training is to make good landings automatic.

## What a good landing looks like

- **Soft and quiet:** land through the balls of your feet and let your ankles, knees and hips bend to absorb the force
- **Knees over toes:** your knee tracks in line with your second toe rather than caving inwards
- **Chest over knees:** lean slightly forward from the hips rather than landing upright and stiff
- **Balanced:** you could hold the landing for a second if you had to

Filming yourself on a phone is a great way to check. Many players are surprised by what they see.

## A preseason routine (two to three times a week)

Start with the easier level and progress when you can do it well. Quality first, then height and speed.

1. **Squats (3 × 10):** slow and controlled, knees tracking over toes. Progress to single-leg squats to a box.
2. **Walking lunges (3 × 8 each leg):** upright trunk, front knee steady.
3. **Single-leg calf raises (3 × 15 each leg):** full height, slow lowering.
4. **Single-leg balance (3 × 30 seconds each leg):** progress by closing your eyes, standing on a cushion or catching a ball.
5. **Double-leg jump and stick (3 × 6):** jump up, land softly and hold for two seconds.
6. **Single-leg hop and stick (3 × 6 each leg):** small hops forwards and sideways, freezing on each landing.
7. **Land and pivot (3 × 6 each side):** jump to catch an imaginary pass, land on one foot and pivot before "passing" off.

The whole routine takes about 20 minutes and doubles as a warm-up once you're comfortable with it.

## Building it into the season

Keep doing a shorter version of the routine once the season starts. Ten minutes before training, focusing on the hopping and landing drills, is enough to maintain the benefits. Programs tend to stop working when players stop doing them, so it helps if the whole team takes part.

## Conclusion

Good landings are a skill, and like any skill they improve with practice. A few short sessions a week during preseason can leave you stronger, steadier and more confident on court. If you've had a knee or ankle injury before, or you'd like us to check your landing technique, book an assessment with Joey before the season starts.`,
  },
];

// The two entries sharing DUPLICATED_REVIEW_BODY are deliberate: the demo mirrors a real
// testimonials page that repeated one text under two names, which moderation must flag.
const DUPLICATED_REVIEW_BODY =
  "Friendly team, easy online booking and they actually explained what was going on with my back. I was back training within a few weeks and I've kept up the exercises. Highly recommend Westside Sports Chiro!";

export const testimonials: SeedTestimonial[] = [
  {
    authorName: "Sarah Whitcombe",
    rating: 5,
    body: "I'd been battling a sore hip through my half-marathon build and was close to pulling out. Jason looked at my training, my running and my back, gave me a handful of exercises and tweaked my long runs. I finished the race feeling strong and I'm already planning the next one.",
    practitionerSlug: "jason-lee",
    status: "approved",
    featured: true,
    daysAgo: 9,
    email: "sarah.whitcombe@example.com",
  },
  {
    authorName: "Aisha Rahman",
    rating: 5,
    body: "I rolled my ankle badly in round three and thought my netball season was over. Joey took me through every stage of rehab and wouldn't let me go back until I'd passed her hopping and landing tests. Annoying at the time, but I played out the season without another sprain.",
    practitionerSlug: "joey-lee",
    status: "approved",
    featured: true,
    daysAgo: 16,
    email: "aisha.rahman@example.com",
  },
  {
    authorName: "Karen Papadopoulos",
    rating: 5,
    body: "My 15-year-old plays football four times a week and kept getting sore knees. Joey was brilliant with him: she spoke to him directly, not just to me, explained growth-related knee pain in a way he understood and gave him a plan that fitted around training. He's much happier and so am I.",
    practitionerSlug: "joey-lee",
    status: "approved",
    featured: true,
    daysAgo: 23,
    email: "karen.p@example.com",
  },
  {
    authorName: "Daniel Ferreira",
    rating: 4,
    body: "Desk job, stiff neck, regular headaches by mid-afternoon. Jason sorted out my workstation set-up over a few visits and the neck is a lot better. Only reason it's not five stars is that late appointments book out quickly, so plan ahead.",
    practitionerSlug: "jason-lee",
    status: "approved",
    featured: false,
    daysAgo: 31,
    email: null,
  },
  {
    authorName: "Mel O'Connor",
    rating: 5,
    body: "Lower back pain on long rides was taking the fun out of cycling. Jason checked my position on the bike, treated my back and gave me core work I can do in ten minutes. I did a 120 km ride last weekend with no complaints.",
    practitionerSlug: "jason-lee",
    status: "approved",
    featured: false,
    daysAgo: 38,
    email: "mel.oconnor@example.com",
  },
  {
    authorName: "Liam Brennan",
    rating: 4,
    body: "Tight hamstrings and a cranky lower back from rugby league. The sports massage with Joey was firm and exactly what I needed before finals. Good advice on warming up properly too.",
    practitionerSlug: "joey-lee",
    status: "approved",
    featured: false,
    daysAgo: 44,
    email: null,
  },
  {
    authorName: "Grace Tan",
    rating: 3,
    body: "Treatment itself was good and my shoulder has improved. Parking nearby was hard to find at 5 pm, and my appointment started about fifteen minutes late. I'd come back, but I'll book a morning slot next time.",
    practitionerSlug: null,
    status: "approved",
    featured: false,
    daysAgo: 52,
    email: "grace.tan@example.com",
  },
  {
    authorName: "Chris Morgan",
    rating: 5,
    body: DUPLICATED_REVIEW_BODY,
    practitionerSlug: null,
    status: "approved",
    featured: false,
    daysAgo: 58,
    email: null,
  },
  {
    authorName: "Rebecca Hall",
    rating: 5,
    body: DUPLICATED_REVIEW_BODY,
    practitionerSlug: null,
    status: "approved",
    featured: false,
    daysAgo: 61,
    email: null,
  },
  {
    authorName: "Priya Sharma",
    rating: 4,
    body: "Training for my first triathlon, I was worried about a niggly knee. The running assessment was really eye-opening. Seeing myself on video made the cadence advice click. Knee is behaving and I've kept the strength program going.",
    practitionerSlug: "jason-lee",
    status: "approved",
    featured: false,
    daysAgo: 67,
    email: "priya.sharma@example.com",
  },
  {
    authorName: "Ben Kowalski",
    rating: 5,
    body: "Strained my calf at touch footy and expected to be out for ages. Joey got me into the clinic gym within a week, and the progression from calf raises to sprints was clear every step of the way. Back playing in under five weeks.",
    practitionerSlug: "joey-lee",
    status: "approved",
    featured: false,
    daysAgo: 74,
    email: null,
  },
  {
    authorName: "Hannah Lewis",
    rating: 4,
    body: "As a masters swimmer with a grumpy shoulder I wasn't sure a sports chiro would help, but Joey's mix of hands-on treatment and band exercises has made a real difference. Friendly front desk, easy to reschedule online.",
    practitionerSlug: "joey-lee",
    status: "approved",
    featured: false,
    daysAgo: 83,
    email: "hannah.lewis@example.com",
  },
  {
    authorName: "Marco Rossi",
    rating: 5,
    body: "Came in with a stiff mid back after a weekend of moving house and playing five-a-side. Jason explained everything clearly and I felt much freer by the end of the session. Will be back for a follow-up.",
    practitionerSlug: "jason-lee",
    status: "pending",
    featured: false,
    daysAgo: 2,
    email: "marco.rossi@example.com",
  },
  {
    authorName: "Olivia Chen",
    rating: 4,
    body: "My daughter's netball coach recommended Joey for her ankle. Very thorough first appointment and a clear home program. Booking online was easy, though I'd love more after-school times.",
    practitionerSlug: "joey-lee",
    status: "pending",
    featured: false,
    daysAgo: 1,
    email: null,
  },
];

export const enquiries: SeedEnquiry[] = [
  {
    name: "James O'Brien",
    email: "james.obrien@example.com",
    phone: null,
    message:
      "Hi, I'm 12 weeks out from the Sydney Marathon and my heel has been sore first thing in the morning for about three weeks. Is this something you'd see, and would you suggest the initial assessment or the running assessment first?",
    status: "new",
    daysAgo: 0,
  },
  {
    name: "Nadia Karim",
    email: "nadia.karim@example.com",
    phone: "0412 555 019",
    message:
      "Do you have HICAPS so I can claim on my private health extras on the day? Also, does the rehab session count as chiropractic for insurance purposes?",
    status: "new",
    daysAgo: 1,
  },
  {
    name: "Steve Marsh",
    email: "coach.steve@example.com",
    phone: "0433 555 207",
    message:
      "I coach an under-14 girls football team in the inner west. We've had a few ankle and knee injuries this season. Would one of your practitioners be able to run a short warm-up and injury-prevention session for the squad before a Tuesday training?",
    status: "in_progress",
    daysAgo: 4,
  },
  {
    name: "Emily Watson",
    email: "emily.watson@example.com",
    phone: "(02) 9555 3140",
    message:
      "Hello, is there parking near the clinic, and do you have Saturday appointments? I work full time and can't easily get there during the week.",
    status: "closed",
    daysAgo: 12,
  },
];

// Times avoid each other within a practitioner, so bookings never overlap even if the runner
// shifts two of them onto the same working day.
export const bookings: SeedBooking[] = [
  {
    serviceSlug: "initial-assessment",
    practitionerSlug: "jason-lee",
    patient: { name: "Tom Nguyen", email: "tom.nguyen@example.com", phone: "0401 555 312" },
    daysFromNow: 2,
    time: "09:00",
    notes:
      "Right knee pain on runs over 10 km, started after increasing mileage for a half marathon.",
  },
  {
    serviceSlug: "follow-up-adjustment",
    practitionerSlug: "jason-lee",
    patient: { name: "Mel O'Connor", email: "mel.oconnor@example.com", phone: "0422 555 876" },
    daysFromNow: 4,
    time: "10:00",
    notes: "Lower back much better on the bike. Would like to review the core program.",
  },
  {
    serviceSlug: "running-assessment",
    practitionerSlug: "jason-lee",
    patient: { name: "Priya Sharma", email: "priya.sharma@example.com", phone: "0438 555 441" },
    daysFromNow: 8,
    time: "11:00",
    notes: "Please bring usual running shoes. Building up for an Olympic-distance triathlon.",
  },
  {
    serviceSlug: "sports-massage",
    practitionerSlug: "joey-lee",
    patient: { name: "Liam Brennan", email: "liam.brennan@example.com", phone: "0450 555 903" },
    daysFromNow: 3,
    time: "14:00",
    notes: "Tight hamstrings and calves before semi-final on the weekend.",
  },
  {
    serviceSlug: "rehab-strength-session",
    practitionerSlug: "joey-lee",
    patient: { name: "Aisha Rahman", email: "aisha.rahman@example.com", phone: "0415 555 628" },
    daysFromNow: 6,
    time: "09:30",
    notes: "Ankle rehab: progressing hopping and change-of-direction drills.",
  },
  {
    serviceSlug: "initial-assessment",
    practitionerSlug: "joey-lee",
    patient: { name: "Noah Kelly", email: "noah.kelly@example.com", phone: "0427 555 154" },
    daysFromNow: 12,
    time: "11:00",
    notes:
      "15-year-old footballer with sore knees after training. Parent (Sinead Kelly) will attend.",
  },
];
