package dev.agentcore.samples.coach;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The fitness coach: an agent with tools, streaming every step of its tool loop. */
@SpringBootApplication
public class FitnessCoachApplication {

    public static void main(String[] args) {
        SpringApplication.run(FitnessCoachApplication.class, args);
    }
}
