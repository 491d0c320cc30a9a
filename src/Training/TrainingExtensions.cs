using ChatbotPipeline.Nlu.Intents;
using MassTransit;
using Quartz;

namespace ChatbotPipeline.Training;

/// <summary>Wires training: the trainer, the Quartz schedule and the on-demand consumer.</summary>
public static class TrainingExtensions
{
    public static IHostApplicationBuilder AddTrainingServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.Section).ValidateDataAnnotations()
            .Validate(o => CronExpression.TryParse(o.Cron, out _), "Training:Cron is not a valid Quartz cron expression.")
            .Validate(o => Nlu.Intents.Encoders.SentenceEncoders.Names.Contains(o.Encoder),
                $"Training:Encoder must be one of {string.Join(", ", Nlu.Intents.Encoders.SentenceEncoders.Names)}.")
            .Validate(o => ServiceDefaults.RetryIntervals.AreValid(o.RetryWaits), ServiceDefaults.RetryIntervals.Refusal("Training:RetryIntervalsMilliseconds"))
            .ValidateOnStart();
        services.AddTrainer();
        services.AddHealthChecks().AddCheck<StartupTraining>("training-at-start", tags: [ServiceDefaults.ServiceDefaultsExtensions.ReadyTag]);

        var options = builder.Configuration.GetSection(TrainingOptions.Section).Get<TrainingOptions>() ?? new TrainingOptions();
        if (!options.Schedule)
            return builder; // a training worker: the queue's consumer only
        services.AddQuartz(quartz =>
        {
            var job = new JobKey("retrain-changed-bots");
            quartz.AddJob<ScheduledTrainingJob>(j => j.WithIdentity(job));
            // One tick a minute serves every bot's own cron as well as the default one.
            quartz.AddTrigger(trigger => trigger.ForJob(job).WithIdentity("retrain-tick").WithCronSchedule(ScheduledTrainingJob.EveryMinute));
            if (options.TrainOnStart)
                quartz.AddTrigger(trigger => trigger.ForJob(job).WithIdentity("retrain-on-start").UsingJobData(ScheduledTrainingJob.StartRunKey, true).StartNow());
            var retention = new JobKey("retention");
            quartz.AddJob<RetentionJob>(j => j.WithIdentity(retention));
            quartz.AddTrigger(trigger => trigger.ForJob(retention).WithIdentity("retention-hourly").WithCronSchedule(RetentionJob.Hourly));
            var exports = new JobKey("daily-exports");
            quartz.AddJob<DailyExportJob>(j => j.WithIdentity(exports));
            quartz.AddTrigger(trigger => trigger.ForJob(exports).WithIdentity("daily-exports-nightly")
                .WithCronSchedule(DailyExportJob.Nightly, cron => cron.InTimeZone(TimeZoneInfo.Utc)));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return builder;
    }

    /// <summary>The trainer and what it needs beside the backends: the training places, the start-up run's state.</summary>
    public static IServiceCollection AddTrainer(this IServiceCollection services) => services
        .AddSingleton<BotModelTrainer>()
        .AddSingleton<TrainingSlots>()
        .AddSingleton<StartupTraining>();

    public static void AddTrainingConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<TrainingConsumer, TrainingConsumerDefinition>();
}
